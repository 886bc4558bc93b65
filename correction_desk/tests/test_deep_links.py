"""Links to the corrected words: every place that links a note leads there."""

from urllib.parse import unquote

import pytest
from django.core import mail

from articles.services import text_fingerprint
from correction_desk import services
from correction_desk.record import deep_links

pytestmark = pytest.mark.django_db


def test_the_corrected_wording_is_the_first_run_of_new_words():
    before = "Es sind rund 8000 Soldaten.\nSie kamen im Oktober."
    after = "Es sind rund 10.000 Soldaten.\nSie kamen im Oktober."
    assert deep_links.corrected_wording(before, after) == "10.000"
    replaced = deep_links.corrected_wording(
        "müssen bis Ende 2025 festlegen", "müssen in den kommenden Jahren festlegen"
    )
    assert replaced == "in den kommenden Jahren"
    assert deep_links.corrected_wording("Ein Satz. Zwei.", "Ein Satz.") == ""


def test_the_text_directive_encodes_its_own_syntax():
    directive = deep_links.text_directive("Nord-Süd, 50 % & mehr")
    assert directive == ":~:text=Nord%2DS%C3%BCd%2C%2050%20%25%20%26%20mehr"
    assert unquote(directive.removeprefix(":~:text=")) == "Nord-Süd, 50 % & mehr"
    assert deep_links.text_directive("") == ""


def test_a_long_passage_is_linked_by_its_first_and_last_words():
    passage = "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf"
    assert deep_links.text_directive(passage) == (
        ":~:text=eins%20zwei%20drei%20vier,neun%20zehn%20elf%20zw%C3%B6lf"
    )


@pytest.fixture
def fixed(make_article, make_report, editor, sending):
    article = make_article(
        title="Soldaten in Kursk", body="Nordkorea hat rund 8000 Soldaten verlegt."
    )
    report = make_report(
        content=article,
        passage="8000",
        description="Es waren mehr.",
        reporter_email="leserin@example.org",
        consent=True,
    )
    mail.outbox.clear()
    return sending(
        services.correction_apply,
        content=article,
        editor=editor,
        changes={"body": "Nordkorea hat rund 10.000 Soldaten verlegt."},
        seen=text_fingerprint(article),
        note_text="Es waren 10.000, nicht 8000.",
        reports=[report],
    )


def test_a_note_from_the_fix_desk_knows_its_corrected_words(fixed):
    assert fixed.passage == "10.000"
    assert fixed.get_passage_url() == (
        f"/artikel/{fixed.content.slug}/#korrektur-{fixed.pk}:~:text=10.000"
    )


def test_a_note_without_a_text_change_links_to_itself(article, editor):
    note = services.correction_publish(
        content=article, editor=editor, kind="clarification", text="Klar.", reports=[]
    )
    assert note.passage == ""
    assert note.get_passage_url() == note.get_absolute_url()


def test_the_note_the_log_and_the_feed_link_to_the_corrected_words(client, fixed):
    link = f"#korrektur-{fixed.pk}:~:text=10.000"
    article = client.get(fixed.content.get_absolute_url()).text
    assert f'href="{link}"' in article
    assert (
        f'id="korrektur-{fixed.pk}"' in article and 'data-passage="10.000"' in article
    )
    assert f'href="{fixed.content.get_absolute_url()}{link}"' in (
        client.get("/korrekturen/").text
    )
    feed = client.get("/korrekturen/feed/").text
    assert (
        f"<link>http://testserver{fixed.content.get_absolute_url()}{link}</link>"
        in (feed)
    )


def test_the_readers_outcome_e_mail_links_to_the_corrected_words(fixed):
    (message,) = mail.outbox
    assert message.to == ["leserin@example.org"]
    link = f"/artikel/{fixed.content.slug}/#korrektur-{fixed.pk}:~:text=10.000"
    assert link in message.body


def test_a_withdrawn_note_no_longer_leads_to_its_words(client, fixed, editor):
    services.note_withdraw(note=fixed, editor=editor, reason="Doch 8000.")
    html = client.get(fixed.content.get_absolute_url()).text
    assert "data-passage" not in html and ":~:text=" not in html
