from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from correction_desk import services
from correction_desk.models import CorrectionNote, Decision, Report
from correction_desk.triage import workflow

pytestmark = pytest.mark.django_db
S = Report.Status


def test_new_report_can_go_into_review_and_be_rejected(make_report, editor):
    report = make_report()
    report = services.report_start_review(report=report, editor=editor)
    report = services.report_reject(report=report, editor=editor, reason="Stimmt so.")
    assert report.status == S.REJECTED
    assert report.resolved_at is not None


@pytest.mark.parametrize(
    ("start", "step"),
    [
        (S.CORRECTED, services.report_mark_spam),
        (S.SPAM, services.report_mark_spam),
        (S.FIXED_SILENTLY, services.report_fix_silently),
        (S.IN_REVIEW, services.report_reopen),
    ],
)
def test_steps_that_the_workflow_does_not_allow_are_refused(
    make_report, editor, start, step
):
    report = make_report()
    Report.objects.filter(pk=report.pk).update(status=start)
    with pytest.raises(services.TransitionError):
        step(report=report, editor=editor)
    report.refresh_from_db()
    assert report.status == start
    assert not report.decisions.exists()


def test_every_resolution_can_be_reopened():
    for status in workflow.RESOLUTIONS:
        assert workflow.can_move(status, S.IN_REVIEW), status
    assert not workflow.can_move(S.NEW, S.NEW)


def test_each_decision_is_recorded_with_who_when_from_to_and_why(make_report, editor):
    report = make_report()
    services.report_start_review(report=report, editor=editor)
    services.report_reject(report=report, editor=editor, reason="Die Zahl stimmt.")
    services.report_reopen(report=report, editor=editor, reason="Neue Quelle.")
    history = list(
        report.decisions.values_list(
            "editor__username", "from_status", "to_status", "reason"
        )
    )
    assert history == [
        ("editor", S.NEW, S.IN_REVIEW, ""),
        # Starting review takes up a report nobody had.
        ("editor", S.IN_REVIEW, S.IN_REVIEW, "editor zugewiesen."),
        ("editor", S.IN_REVIEW, S.REJECTED, "Die Zahl stimmt."),
        ("editor", S.REJECTED, S.IN_REVIEW, "Neue Quelle."),
    ]
    assert all(d.created_at for d in report.decisions.all())


def test_rejecting_needs_a_reason(make_report, editor):
    report = make_report()
    with pytest.raises(ValidationError):
        services.report_reject(report=report, editor=editor, reason="   ")
    report.refresh_from_db()
    assert report.status == S.NEW


def test_assignment_and_classification_are_recorded(make_report, editor, other_editor):
    report = make_report()
    services.report_assign(report=report, editor=editor, assignee=other_editor)
    report = services.report_classify(
        report=report, editor=editor, kind=Report.Kind.FACTUAL, priority=3
    )
    assert report.assignee == other_editor
    assert report.due_at == report.created_at + timedelta(hours=24)
    actions = list(report.decisions.values_list("action", flat=True))
    assert actions == [Decision.Action.ASSIGN, Decision.Action.CLASSIFY]


def test_due_time_defaults_by_kind(make_report, editor, settings):
    settings.CORRECTION_DESK_REPORT_DUE_HOURS = {
        **settings.CORRECTION_DESK_REPORT_DUE_HOURS,
        "typo": 72,
    }
    report = services.report_classify(
        report=make_report(), editor=editor, kind=Report.Kind.TYPO, priority=1
    )
    assert report.due_at - report.created_at == timedelta(hours=72)


def test_publishing_a_correction_resolves_the_report_and_its_duplicates(
    make_report, editor, article
):
    original, duplicate, unrelated = make_report(), make_report(), make_report()
    services.report_mark_duplicate(report=duplicate, editor=editor, original=original)
    note = services.correction_publish(
        content=article,
        editor=editor,
        kind=CorrectionNote.Kind.CORRECTION,
        text="In einer früheren Fassung hieß es 8000; es waren 10.000.",
        reports=[original],
    )
    for report in (original, duplicate, unrelated):
        report.refresh_from_db()
    assert (original.status, duplicate.status, unrelated.status) == (
        S.CORRECTED,
        S.CORRECTED,
        S.NEW,
    )
    assert original.correction_note == note == duplicate.correction_note
    assert note.published_at is not None
    assert list(CorrectionNote.objects.about(article).published()) == [note]


def test_a_late_duplicate_of_a_corrected_report_is_resolved_at_once(
    make_report, editor, article
):
    original = make_report()
    services.correction_publish(
        content=article, editor=editor, kind="correction", text="Korrigiert.",
        reports=[original],
    )  # fmt: skip
    late = services.report_mark_duplicate(
        report=make_report(), editor=editor, original=original
    )
    assert late.status == S.CORRECTED


def test_duplicates_must_be_on_the_same_article(make_report, make_article, editor):
    report = make_report()
    elsewhere = make_report(content=make_article())
    with pytest.raises(ValidationError):
        services.report_mark_duplicate(report=report, editor=editor, original=elsewhere)
    with pytest.raises(ValidationError):
        services.report_mark_duplicate(report=report, editor=editor, original=report)


def test_correction_cannot_resolve_reports_on_another_article(
    make_report, make_article, editor, article
):
    elsewhere = make_report(content=make_article())
    with pytest.raises(ValidationError):
        services.correction_publish(
            content=article, editor=editor, kind="correction", text="x",
            reports=[elsewhere],
        )  # fmt: skip
    assert not CorrectionNote.objects.exists()
