"""Edits to published text in the article and picture admin: minor, or noted.

Changing "180.000" to "181.000 Euro" in the article admin used to make a new
public version with no note and no question.
"""

import re

import pytest
from django.urls import reverse

from articles.models import ArticleVersion
from articles.tests.test_admin import change_form_data
from correction_desk.fixing.minor_changes import substantive_changes
from correction_desk.models import CorrectionNote

pytestmark = pytest.mark.django_db

BODY = "Die Sanierung kostet 180.000 Euro.\n\nDer Gemeinderat tagt im Rathaus."


@pytest.fixture
def hall(make_article):
    return make_article(body=BODY)


def edit(desk, article, **fields):
    data = change_form_data(desk, article)
    data.update(fields)
    return desk.post(f"/admin/articles/article/{article.pk}/change/", data)


def errors(response):
    return response.context["adminform"].form.errors


def test_a_text_change_to_a_published_article_asks_what_kind_it_is(desk, hall):
    new_body = BODY.replace("180.000 Euro", "181.000 Euro")
    response = edit(desk, hall, body=new_body)
    assert response.status_code == 200
    assert "Ist es eine kleine Änderung" in errors(response)["change_kind"][0]
    # Nothing is saved, nothing typed is lost.
    assert response.context["adminform"].form["body"].value() == new_body
    hall.refresh_from_db()
    assert hall.body == BODY and hall.revision == 1


def test_a_changed_number_cannot_be_filed_as_minor(desk, hall):
    response = edit(
        desk, hall, body=BODY.replace("180.000", "181.000"), change_kind="minor"
    )
    assert response.status_code == 200
    message = errors(response)["change_kind"][0]
    assert "eine Zahl („180.000“)" in message and "keine kleine" in message
    hall.refresh_from_db()
    assert hall.revision == 1


@pytest.mark.parametrize(
    ("before", "after", "what"),
    [
        ("Er kam am 3. Mai.", "Er kam am 4. Mai.", "eine Zahl"),
        ("Er kam im Mai.", "Er kam im Juni.", "ein Datum"),
        ("Es sprach Olaf Scholz.", "Es sprach Olaf Scholtz.", "einen Namen"),
        (
            "Sie sagte: „Wir schafen das.“",
            "Sie sagte: „Wir schaffen das.“",
            "ein Zitat",
        ),
    ],
)
def test_numbers_dates_names_and_quotations_are_never_minor(before, after, what):
    assert what in substantive_changes(before, after)[0][0]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Das ist ein tipfehler.", "Das ist ein tippfehler."),
        ("Sie kam, und ging", "Sie kam und ging."),
        ("Das war **gut**.", "Das war gut."),
        ("Tagte der Rat.", "Tagt der Rat."),  # capital at the start of a sentence
    ],
)
def test_spelling_punctuation_and_formatting_are_minor(before, after):
    assert substantive_changes(before, after) == []


def test_a_minor_change_is_saved_and_listed_as_such_on_the_versions_page(
    desk, hall, client
):
    response = edit(
        desk, hall, body=BODY.replace("tagt im", "tagt heute im"), change_kind="minor"
    )
    assert response.status_code == 302, errors(response)
    hall.refresh_from_db()
    assert hall.revision == 2 and not CorrectionNote.objects.exists()
    assert ArticleVersion.objects.get(article=hall).minor
    page = desk.get(f"{hall.get_absolute_url()}versionen/").text
    assert "Kleine Änderung" in page


def test_a_correction_needs_its_note_and_is_published_with_it(desk, hall):
    body = BODY.replace("180.000", "181.000")
    refused = edit(desk, hall, body=body, change_kind="correction")
    assert "Bitte schreiben Sie den Vermerk" in errors(refused)["change_note"][0]
    response = edit(
        desk, hall, body=body, change_kind="correction",
        change_note="Die Sanierung kostet 181.000 Euro, nicht 180.000.",
    )  # fmt: skip
    assert response.status_code == 302, errors(response)
    note = CorrectionNote.objects.about(hall).get()
    assert note.published_at is not None and note.kind == "correction"
    version = ArticleVersion.objects.get(article=hall)
    assert note.compare_from == version.revision and not version.minor
    page = desk.get(hall.get_absolute_url()).text
    assert "Die Sanierung kostet 181.000 Euro, nicht 180.000." in page


def test_under_the_four_eyes_rule_the_note_waits_for_approval(desk, hall, settings):
    settings.CORRECTION_DESK_NOTES_NEED_APPROVAL = True
    response = edit(
        desk, hall, body=BODY.replace("180.000", "181.000"), change_kind="update",
        change_note="Die Kosten sind gestiegen.",
    )  # fmt: skip
    assert response.status_code == 302
    note = CorrectionNote.objects.about(hall).get()
    assert note.published_at is None
    assert "wartet auf die Freigabe" in desk.get(response["Location"]).text


def test_no_question_where_readers_read_nothing_new(desk, hall, make_article):
    # Another kicker is no change to the text readers read.
    assert edit(desk, hall, kicker="Neue Dachzeile").status_code == 302
    draft = make_article(status="draft", body=BODY)
    page = desk.get(f"/admin/articles/article/{draft.pk}/change/").text
    assert "Änderung am veröffentlichten Text" not in page
    data = change_form_data(desk, draft)
    data["body"] = BODY.replace("180.000", "9")
    response = desk.post(f"/admin/articles/article/{draft.pk}/change/", data)
    assert response.status_code == 302, errors(response)


def test_a_caption_changed_in_the_picture_admin_asks_too(
    desk, make_article, make_picture
):
    picture = make_picture(caption="Das Rathaus im Jahr 1990.")
    shown = make_article(lead_picture=picture)
    data = {
        "alt_text": picture.alt_text,
        "caption": "Das Rathaus im Jahr 1991.",
        "credit": picture.credit,
    }
    url = f"/admin/articles/picture/{picture.pk}/change/"
    refused = desk.post(url, {**data, "change_kind": "minor"})
    assert "eine Zahl" in refused.context["adminform"].form.errors["change_kind"][0]
    response = desk.post(
        url, {**data, "change_kind": "correction",
              "change_note": "Das Bild ist von 1991."},
    )  # fmt: skip
    assert response.status_code == 302
    note = CorrectionNote.objects.get()
    assert note.content == shown and note.text == "Das Bild ist von 1991."
    assert note.compare_from == ArticleVersion.objects.get(article=shown).revision


def test_the_policy_says_what_counts_as_minor(client):
    page = client.get(reverse("correction_desk:policy")).text
    assert "Kleine Änderungen" in page
    assert re.search(r"eine Zahl, ein Datum, einen Namen oder\s+ein Zitat", page)
