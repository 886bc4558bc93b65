"""The corrections record for machines (/korrekturen.json), read as a partner would:
against the JSON Schema we ship, by its stable ids, and cached like the pages."""

import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from jsonschema import Draft202012Validator

from articles.services import text_fingerprint
from correction_desk import services

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    Path(finders.find("schema/corrections-record.schema.json")).read_text()
)


def valid(document: dict) -> dict:
    validator = Draft202012Validator(
        SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = [error.message for error in validator.iter_errors(document)]
    assert errors == []
    return document


@pytest.fixture
def notes(make_article, editor):
    """A fixed text with its note, an amended note and a withdrawn one."""
    article = make_article(title="Soldaten in Kursk", body="Es sind 8000 Soldaten.")
    fixed = services.correction_apply(
        content=article,
        editor=editor,
        changes={"body": "Es sind 10.000 Soldaten."},
        seen=text_fingerprint(article),
        note_text="Es waren 10.000, nicht 8000.",
    )
    other = make_article(title="Haushalt")
    amended = services.correction_publish(
        content=other, editor=editor, kind="clarification", text="Erst so.", reports=[]
    )
    amended = services.note_amend(note=amended, editor=editor, text="Dann so.")
    withdrawn = services.correction_publish(
        content=other, editor=editor, kind="update", text="Zu früh.", reports=[]
    )
    withdrawn = services.note_withdraw(note=withdrawn, editor=editor, reason="Irrtum.")
    return fixed, amended, withdrawn


def by_id(document: dict) -> dict:
    return {entry["id"]: entry for entry in document["corrections"]}


def test_the_record_of_every_note_validates_against_the_shipped_schema(client, notes):
    fixed, amended, withdrawn = notes
    response = client.get("/korrekturen.json")
    assert response["Content-Type"] == "application/json"
    document = valid(response.json())
    entries = by_id(document)
    assert list(entries) == [
        f"tag:newsroom,2024:correction:{note.pk}"
        for note in (withdrawn, amended, fixed)  # newest first, as in the log
    ]
    entry = entries[f"tag:newsroom,2024:correction:{fixed.pk}"]
    assert entry["type"] == "correction" and entry["type_label"] == "Korrektur"
    assert entry["text"] == "Es waren 10.000, nicht 8000."
    assert entry["published_at"] == fixed.published_at.isoformat()
    assert entry["article"] == {
        "id": f"tag:newsroom,2024:article:{fixed.content.pk}",
        "url": f"http://testserver/artikel/{fixed.content.slug}/",
        "title": "Soldaten in Kursk",
        "language": "de",
        "section": fixed.content.section.name,
        "revision": 2,
    }
    assert entries[f"tag:newsroom,2024:correction:{amended.pk}"]["amended_at"] == (
        amended.amended_at.isoformat()
    )
    gone = entries[f"tag:newsroom,2024:correction:{withdrawn.pk}"]
    assert gone["withdrawn_at"] == withdrawn.withdrawn_at.isoformat()
    assert gone["withdrawal_reason"] == "Irrtum."


def test_each_link_in_the_record_leads_to_what_it_names(client, notes):
    fixed, _, _ = notes
    entry = by_id(client.get("/korrekturen.json").json())[
        f"tag:newsroom,2024:correction:{fixed.pk}"
    ]
    page, anchor = entry["url"].split("#")
    assert f'id="{anchor}"' in client.get(page).text
    diff = client.get(entry["versions_url"])
    assert diff.status_code == 200
    assert "8000" in diff.text and "10.000" in diff.text
    assert client.get(entry["article"]["url"]).status_code == 200


def test_the_ids_are_those_of_the_corrections_feed(client, notes):
    feed = client.get("/korrekturen/feed/").text
    for entry in client.get("/korrekturen.json").json()["corrections"]:
        assert f'<guid isPermaLink="false">{entry["id"]}</guid>' in feed


def test_one_articles_record_holds_only_its_notes(client, notes):
    fixed, amended, withdrawn = notes
    document = valid(
        client.get(f"/artikel/{amended.content.slug}/korrekturen.json").json()
    )
    assert document["article"]["title"] == "Haushalt"
    assert [entry["text"] for entry in document["corrections"]] == [
        "Dann so.",
        "Zu früh.",
    ]  # oldest first, as under the article
    assert "article" not in document["corrections"][0]
    assert client.get("/artikel/gibt-es-nicht/korrekturen.json").status_code == 404


def test_the_record_follows_the_logs_filters_and_pages(client, notes, settings):
    document = client.get("/korrekturen.json?type=clarification").json()
    assert [entry["type"] for entry in document["corrections"]] == ["clarification"]
    assert client.get("/korrekturen.json?type=erfunden").status_code == 404
    assert client.get("/korrekturen.json?page=9").status_code == 404
    first = valid(client.get("/korrekturen.json").json())
    assert (first["page"], first["pages"], first["next"]) == (1, 1, None)


def test_a_long_record_links_to_its_next_page(client, make_article, editor):
    article = make_article()
    for number in range(101):
        services.correction_publish(
            content=article, editor=editor, kind="update", text=f"N{number}", reports=[]
        )
    first = valid(client.get("/korrekturen.json?type=update").json())
    assert len(first["corrections"]) == 100 and first["pages"] == 2
    assert first["next"] == "http://testserver/korrekturen.json?page=2&type=update"
    second = valid(client.get(first["next"]).json())
    assert [entry["text"] for entry in second["corrections"]] == ["N0"]
    assert second["previous"] == "http://testserver/korrekturen.json?page=1&type=update"


def test_the_english_record_has_english_labels(client, notes, make_article, editor):
    english = make_article(title="Soldiers in Kursk", language="en")
    for kind in ("correction", "clarification", "update"):
        services.correction_publish(
            content=english, editor=editor, kind=kind, text="So.", reports=[]
        )
    document = valid(client.get("/en/corrections.json").json())
    assert document["language"] == "en"
    assert {entry["type_label"] for entry in document["corrections"]} == {
        "Correction",
        "Clarification",
        "Update",
    }
    # The English edition's record: the English article's notes only.
    assert {e["article"]["url"] for e in document["corrections"]} == {
        f"http://testserver/en/article/{english.slug}/"
    }


def test_the_record_is_cached_like_the_pages_and_purged_by_a_new_note(
    client, notes, editor, django_assert_num_queries
):
    fixed, _, _ = notes
    first = client.get("/korrekturen.json")
    assert "s-maxage" in first["Cache-Control"] and "public" in first["Cache-Control"]
    assert "corrections-log" in first["xkey"].split()
    with django_assert_num_queries(0):
        assert client.get("/korrekturen.json").json() == first.json()
    services.correction_publish(
        content=fixed.content, editor=editor, kind="update", text="Neu.", reports=[]
    )
    assert "Neu." in client.get("/korrekturen.json").text
    article_record = client.get(f"/artikel/{fixed.content.slug}/korrekturen.json")
    assert f"article-{fixed.content.pk}" in article_record["xkey"].split()


def test_the_log_page_lists_its_notes_for_search_engines(client, notes):
    fixed, amended, withdrawn = notes
    html = client.get("/korrekturen/").text
    (payload,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    data = json.loads(payload)
    assert data["@type"] == "ItemList"
    items = [element["item"] for element in data["itemListElement"]]
    # A withdrawn note no longer says the article was corrected.
    assert [item["text"] for item in items] == ["Dann so.", fixed.text]
    assert [element["position"] for element in data["itemListElement"]] == [1, 2]
    assert items[1]["about"] == {
        "@type": "NewsArticle",
        "url": f"http://testserver/artikel/{fixed.content.slug}/",
        "headline": "Soldaten in Kursk",
    }
    assert 'type="application/json"' in html and 'href="/korrekturen.json"' in html
