"""Reports about the same thing: one row in the queue, resolved together."""

import pytest
from django.core import mail

from correction_desk import services
from correction_desk.models import Report

pytestmark = pytest.mark.django_db

QUEUE = "/admin/correction_desk/report/"
LONG = "Die Zahl der Soldaten ist falsch, das Pentagon nennt 11.000 in Kursk."


def shown(response) -> list[int]:
    return [report.pk for report in response.context["cl"].result_list]


def test_reports_on_the_same_passage_are_one_row_with_a_count(
    desk, make_report, make_article
):
    first = make_report(passage="rund 8000 Soldaten", description="Falsch.")
    second = make_report(passage="8000 Soldaten", description="Stimmt nicht.")
    elsewhere = make_report(
        content=make_article(), passage="rund 8000 Soldaten", description="Auch."
    )
    assert second.similar_to == first and elsewhere.similar_to is None
    response = desk.get(QUEUE)
    assert shown(response) == [first.pk, elsewhere.pk]
    assert "+1 ähnliche Meldung" in response.text
    assert second.pk in shown(desk.get(QUEUE + "?status=all"))


@pytest.mark.parametrize(
    ("description", "grouped"),
    [
        (LONG, True),
        (LONG.replace("11.000", "11000"), True),  # nearly the same words
        ("Fehler Nummer 2", False),  # short: one changed word is another report
        ("Ganz etwas anderes im letzten Absatz, der Name ist falsch.", False),
    ],
)
def test_nearly_identical_descriptions_join_the_group(
    make_report, description, grouped
):
    first = make_report(
        description=LONG if description != "Fehler Nummer 2" else "Fehler Nummer 1"
    )
    second = make_report(description=description)
    assert (second.similar_to == first) is grouped


def test_spam_joins_no_group(make_report):
    make_report(passage="8000", description="Echt.")
    spam = make_report(passage="8000", description="Spam.", spam_reason="honeypot")
    assert spam.similar_to is None


def test_a_correction_resolves_the_group_and_tells_every_reader(
    make_report, editor, article, django_capture_on_commit_callbacks
):
    first = make_report(passage="8000", description="Falsch.")
    second = make_report(
        passage="8000", description="Anders.", reporter_email="b@example.org",
        consent=True,
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        note = services.correction_publish(
            content=article, editor=editor, kind="correction",
            text="Es waren 11.000.", reports=[first],
        )  # fmt: skip
    second.refresh_from_db()
    assert second.status == "corrected" and second.correction_note == note
    assert any(message.to == ["b@example.org"] for message in mail.outbox)


def test_rejecting_the_first_rejects_the_group_with_the_reason(make_report, editor):
    first = make_report(passage="8000", description="Falsch.")
    second = make_report(passage="8000", description="Anders.")
    services.report_reject(report=first, editor=editor, reason="Die Zahl stimmt.")
    second.refresh_from_db()
    assert second.status == "rejected"
    assert second.public_reason() == "Die Zahl stimmt."


def test_the_group_of_a_spam_report_stands_on_its_own(make_report, editor):
    first = make_report(passage="8000", description="Falsch.")
    second = make_report(passage="8000", description="Anders.")
    services.report_mark_spam(report=first, editor=editor)
    second.refresh_from_db()
    assert second.similar_to is None and second.status == "new"


def test_an_editor_takes_a_report_out_of_a_group(desk, make_report):
    first = make_report(passage="8000", description="Falsch.")
    second = make_report(passage="8000", description="Anderes Thema.")
    page = desk.get(f"{QUEUE}{first.pk}/change/").text
    assert f"Meldung #{second.pk} aus der Gruppe herausnehmen" in page
    desk.post(f"{QUEUE}{first.pk}/ungroup/", {"member": str(second.pk)})
    second.refresh_from_db()
    assert second.similar_to is None
    assert (
        second.decisions.get().reason
        == f"Aus der Gruppe von Meldung #{first.pk} genommen."
    )
    assert len(shown(desk.get(QUEUE))) == 2


@pytest.mark.parametrize("member", ["²", "9" * 23, "x", ""])
def test_a_made_up_member_takes_nothing_apart_but_the_report_itself(
    desk, make_report, member
):
    first = make_report(passage="8000", description="Falsch.")
    second = make_report(passage="8000", description="Anders.")
    response = desk.post(f"{QUEUE}{first.pk}/ungroup/", {"member": member})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.similar_to == first


def test_bulk_rejecting_a_whole_group_counts_each_report_once(desk, make_report):
    reports = [make_report(passage="8000", description=f"Nr. {n}") for n in range(3)]
    done = desk.post(
        QUEUE,
        {
            "action": "reject_with_reason",
            "_selected_action": [r.pk for r in reports],
            "apply": "1",
            "reason": "Stimmt so.",
        },
        follow=True,
    )
    assert "3 Meldungen wurden abgelehnt." in done.text
    assert "so gelassen" not in done.text
    assert set(Report.objects.values_list("status", flat=True)) == {"rejected"}


def test_a_report_like_a_member_of_a_group_joins_that_group(desk, make_report):
    leader = make_report(passage="8000 Soldaten", description="Falsch.")
    member = make_report(passage="rund 8000 Soldaten", description="Stimmt nicht.")
    # Like the member only ("rund 8000" is in its passage, not in the leader's).
    later = make_report(passage="rund 8000", description="Zu wenig.")
    assert member.similar_to == leader and later.similar_to == leader
    response = desk.get(QUEUE)
    assert shown(response) == [leader.pk]
    assert "+2 ähnliche Meldungen" in response.text
    # The page agrees: each of the others is in the same group.
    page = desk.get(f"{QUEUE}{later.pk}/change/").text
    assert page.count("gleiche Gruppe") == 2


def test_the_similar_reports_link_opens_the_group(desk, make_report):
    leader = make_report(passage="8000 Soldaten", description="Falsch.")
    member = make_report(passage="rund 8000 Soldaten", description="Stimmt nicht.")
    other = make_report(passage="Kursk liegt", description="Anderes.")
    page = desk.get(QUEUE).text
    assert (
        f'<a class="queue-group" href="?group={leader.pk}">+1 ähnliche Meldung</a>'
        in (page)
    )
    group = desk.get(QUEUE, {"group": leader.pk})
    assert shown(group) == [leader.pk, member.pk]
    assert other.pk not in shown(group)
    # A value that is no report's number filters nothing away, and is no error.
    assert desk.get(QUEUE, {"group": "x"}).status_code == 200
