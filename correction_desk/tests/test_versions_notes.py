"""A correction note sits at the version that carries its change, both linked."""

import re

import pytest

from articles.services import article_save
from correction_desk.services import correction_publish

pytestmark = pytest.mark.django_db


def corrected(article, editor, old, new, text="Es waren 10.000, nicht 8000."):
    article.body = article.body.replace(old, new)
    article_save(article, editor=editor)
    return correction_publish(
        content=article, editor=editor, kind="correction", text=text, reports=[]
    )


def version_item(html: str, number: int) -> str:
    match = re.search(rf'<li id="version-{number}"[^>]*>(.*?)</li>', html, re.S)
    assert match, f"no version {number}"
    return match.group(1)


def test_the_note_is_listed_at_the_version_that_carries_it(
    client, make_article, editor
):
    article = make_article(body="Es waren 8000 Soldaten. Sie kamen im Herbst.")
    article.body = article.body.replace("Herbst", "Spätherbst")
    article_save(article, editor=editor)  # version 2: an edit without a note
    note = corrected(article, editor, "8000", "10.000")  # version 3
    html = client.get(f"/artikel/{article.slug}/versionen/").text
    assert note.get_absolute_url() not in version_item(html, 1)
    assert note.get_absolute_url() not in version_item(html, 2)
    carrying = version_item(html, 3)
    assert f'href="{note.get_absolute_url()}"' in carrying
    assert "Es waren 10.000, nicht 8000." in carrying
    assert "Korrektur" in carrying
    # Versions 2 and 3 are both tied to the note: its link shows both changes.
    assert "?from=1&amp;to=3#aenderungen" in carrying


def test_the_article_links_from_the_note_to_its_version(client, make_article, editor):
    article = make_article(body="Es waren 8000 Soldaten.")
    note = corrected(article, editor, "8000", "10.000")
    page = client.get(article.get_absolute_url()).text
    link = f"/artikel/{article.slug}/versionen/?from=1&amp;to=2#version-2"
    note_html = page[page.index(f'id="korrektur-{note.pk}"') :]
    assert link in note_html[: note_html.index("</article>")]
    versions = client.get(link.replace("&amp;", "&"))
    assert "1 Wort geändert in Absatz 1" == versions.context["summary"]


def test_a_note_without_a_change_sits_at_the_version_it_was_given_on(
    client, make_article, editor
):
    article = make_article(body="Es waren 8000 Soldaten.")
    article.body = "Es waren 10.000 Soldaten."
    article_save(article, editor=editor)
    note = correction_publish(
        content=article,
        editor=editor,
        kind="clarification",
        text="Die Zahl stammt aus Washington.",
        reports=[],
    )
    article.body = "Es waren rund 10.000 Soldaten."
    article_save(article, editor=editor)  # version 3, after the note
    html = client.get(f"/artikel/{article.slug}/versionen/").text
    assert note.get_absolute_url() in version_item(html, 2)
    assert note.get_absolute_url() not in version_item(html, 3)
