"""The desk's German says what the statutes say: a Gegendarstellung, demanded
by a Gegendarstellungsverlangen, refused only on § 20 Abs. 2 MStV's grounds,
with the editors' reply kept apart (no Redaktionsschwanz joined to it)."""

from django.utils import translation

from correction_desk.models import CorrectionNote
from correction_desk.press_law.forms import PublishForm
from correction_desk.press_law.models import CounterStatementDemand, PresseratComplaint

Demand = CounterStatementDemand


def german(value) -> str:
    with translation.override("de"):
        return str(value)


def test_the_names_are_the_statutes():
    assert german(CorrectionNote.Kind.COUNTER_STATEMENT.label) == "Gegendarstellung"
    assert german(Demand._meta.verbose_name) == "Gegendarstellungsverlangen"
    assert german(Demand._meta.get_field("claims").verbose_name) == (
        "beanstandete Tatsachenbehauptungen"
    )
    assert german(Demand._meta.get_field("claimant").verbose_name) == (
        "betroffene Person oder Stelle"
    )
    assert "ohne Einschaltungen und Weglassungen" in german(
        Demand._meta.get_field("text").help_text
    )


def test_the_grounds_of_refusal_are_those_of_the_statute():
    grounds = {german(label) for _, label in Demand.Ground.choices}
    # § 20 Abs. 2 Nr. 1–4 MStV, in its words.
    for words in (
        "kein berechtigtes Interesse",
        "unangemessener Umfang",
        "die Gegendarstellung beschränkt sich nicht auf Tatsachen",
        "strafbarer Inhalt",
        "verspätet zugegangen",
        "nicht schriftlich oder nicht unterzeichnet",
    ):
        assert words in grounds


def test_the_reply_is_no_redaktionsschwanz():
    help_text = german(PublishForm.base_fields["reply"].help_text)
    assert "Redaktionsschwanz" in help_text
    assert "verbietet, sie unmittelbar mit der Gegendarstellung zu verknüpfen" in (
        help_text
    )
    assert german(CorrectionNote.Kind.REPLY.label) == (
        "Erwiderung der Redaktion auf eine Gegendarstellung"
    )


def test_the_press_councils_decisions_are_its_own():
    outcomes = {german(label) for _, label in PresseratComplaint.Outcome.choices}
    assert {
        "Hinweis",
        "Missbilligung",
        "öffentliche Rüge",
        "nicht öffentliche Rüge",
    } <= (outcomes)
    assert german(CorrectionNote.Kind.REPRIMAND.label) == (
        "Öffentliche Rüge des Deutschen Presserats"
    )
