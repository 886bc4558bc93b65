"""One table of decisions drives the form, the buttons, the bulk actions, the
keyboard shortcuts and their help (correction_desk/triage/decisions.py)."""

import re

import pytest

from correction_desk import services
from correction_desk.intake.status import status_url
from correction_desk.models import Report
from correction_desk.triage import decisions
from correction_desk.triage.forms import DecisionForm

pytestmark = pytest.mark.django_db

QUEUE = "/admin/correction_desk/report/"


def buttons(page: str) -> list[str]:
    return re.findall(r'<button type="submit" class="button" name="decision" '
                      r'value="([a-z_]+)"', page)  # fmt: skip


def test_the_page_the_form_the_queue_and_the_help_follow_the_table(desk, make_report):
    report = make_report(passage="rund 8000")
    page = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert buttons(page) == [
        "in_review", "assign_me", "already_correct", "rejected", "spam",
    ]  # fmt: skip
    assert [key for key, _label in DecisionForm().fields["decision"].choices] == list(
        decisions.DECISIONS
    )
    for decision in decisions.with_shortcuts():
        assert f'data-desk-shortcut="{decision.shortcut}"' in page
        assert (
            f"<td><kbd>{decision.shortcut}</kbd></td><td>{decision.shortcut_help}"
            in (page)
        )
    queue = desk.get(QUEUE).text
    for decision in decisions.bulk():
        assert f'<option value="{decision.bulk_action}">' in queue
        assert f'data-action="{decision.bulk_action}"' in queue


def test_adding_a_decision_is_one_entry(desk, make_report, monkeypatch):
    def raise_priority(report, editor, reason):
        return services.report_classify(
            report=report, editor=editor, kind=report.kind,
            priority=Report.Priority.HIGH,
        )  # fmt: skip

    urgent = decisions.Decision(
        key="urgent",
        label="Dringend",
        apply=raise_priority,
        shown=lambda report, user, allowed: report.is_open,
        shortcut="g",
        shortcut_help="dringend machen",
        bulk_action="make_urgent",
        bulk_label="Als dringend markieren",
        bulk_done=lambda n: f"{n} dringend.",
    )
    monkeypatch.setitem(decisions.DECISIONS, "urgent", urgent)
    report, other = make_report(passage="rund 8000"), make_report(passage="Kursk")
    page = desk.get(f"{QUEUE}{report.pk}/change/").text
    assert "urgent" in buttons(page)
    assert "<td><kbd>g</kbd></td><td>dringend machen" in page
    assert '<option value="make_urgent">Als dringend markieren</option>' in (
        desk.get(QUEUE).text
    )
    desk.post(f"{QUEUE}{report.pk}/decide/", {"decision": "urgent"})
    done = desk.post(
        QUEUE, {"action": "make_urgent", "_selected_action": [other.pk]}, follow=True
    )
    assert "1 dringend." in done.text
    assert set(Report.objects.values_list("priority", flat=True)) == {
        Report.Priority.HIGH
    }


def test_already_correct_tells_the_reader_in_their_language(desk, client, make_report):
    report = make_report(passage="rund 8000", language="en")
    desk.post(f"{QUEUE}{report.pk}/decide/", {"decision": "already_correct"})
    report.refresh_from_db()
    assert report.status == Report.Status.REJECTED
    page = client.get(status_url(report)).text
    assert "We checked the passage: it is correct as it stands." in page


def test_an_unknown_decision_is_refused(desk, make_report):
    report = make_report(passage="rund 8000")
    response = desk.post(
        f"{QUEUE}{report.pk}/decide/", {"decision": "delete"}, follow=True
    )
    assert "Unbekannte Entscheidung." in response.text
    report.refresh_from_db()
    assert report.status == Report.Status.NEW
