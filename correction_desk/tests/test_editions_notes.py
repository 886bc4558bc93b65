"""Corrections in two editions: each log and feed has its own, and a correction
to one language's article is pointed to from its translation."""

import feedparser
import pytest

from articles.services import article_save
from correction_desk.services import correction_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(make_article):
    german = make_article(title="Soldaten in Kursk", language="de")
    english = make_article(title="Soldiers in Kursk", language="en")
    german.translation = english
    article_save(german)
    english.refresh_from_db()
    return german, english


def publish(article, editor, text):
    return correction_publish(
        content=article, editor=editor, kind="correction", text=text, reports=[]
    )


def test_each_log_and_feed_lists_its_editions_notes(client, pair, editor):
    german, english = pair
    publish(german, editor, "Es waren 10.000 Soldaten.")
    publish(english, editor, "There were 10,000 soldiers.")
    log = client.get("/korrekturen/")
    assert [note.text for note in log.context["notes"]] == ["Es waren 10.000 Soldaten."]
    english_log = client.get("/en/corrections/")
    assert [note.text for note in english_log.context["notes"]] == [
        "There were 10,000 soldiers."
    ]
    feed = feedparser.parse(client.get("/en/corrections/feed/").content)
    assert [entry.title for entry in feed.entries] == ["Correction: Soldiers in Kursk"]


def test_a_correction_to_the_translation_is_pointed_to(client, pair, editor):
    german, english = pair
    note = publish(german, editor, "Es waren 10.000 Soldaten, nicht 8000.")
    page = client.get(f"/en/article/{english.slug}/").text
    assert "Corrections to the version in German" in page
    assert f'href="/artikel/{german.slug}/#korrektur-{note.pk}" hreflang="de"' in page
    assert '<span lang="de">Es waren 10.000 Soldaten, nicht 8000.</span>' in page
    # The German page has the note itself, and nothing to point to.
    assert (
        "Corrections to the version" not in client.get(german.get_absolute_url()).text
    )


def test_correcting_one_article_refreshes_its_translations_page(client, pair, editor):
    german, english = pair
    assert (
        "Corrections to the version"
        not in client.get(f"/en/article/{english.slug}/").text
    )  # now cached
    publish(german, editor, "Es waren 10.000 Soldaten.")
    assert (
        "Corrections to the version in German"
        in client.get(f"/en/article/{english.slug}/").text
    )


def test_both_editions_notes_are_read_in_one_query(
    client, pair, editor, make_article, django_assert_num_queries
):
    german, english = pair
    publish(german, editor, "Es waren 10.000 Soldaten.")
    publish(english, editor, "There were 10,000 soldiers.")
    alone = make_article(language="en")
    with django_assert_num_queries(4) as counted:
        client.get(alone.canonical_path())
    # The article, its authors, the notes of both editions, the sections menu:
    # the translation's notes cost no query of their own.
    with django_assert_num_queries(len(counted.captured_queries)):
        page = client.get(f"/en/article/{english.slug}/").text
    assert "There were 10,000 soldiers." in page
    assert "Es waren 10.000 Soldaten." in page


def test_a_translation_not_yet_public_is_not_pointed_to(client, pair, editor):
    german, english = pair
    publish(german, editor, "Es waren 10.000 Soldaten.")
    german.status = german.Status.DRAFT
    article_save(german)
    page = client.get(f"/en/article/{english.slug}/").text
    assert "Corrections to the version in German" not in page
    assert "Es waren 10.000 Soldaten." not in page
