"""Pieces that many pages share (the section menu, the links in the head, the
footer) are rendered once per process and language, and are never older than
what they show.

Editors always get a page rendered for them, so their pages show the pieces as
every render (a cache miss) would.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Section
from articles.services import section_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(client, editor):
    client.force_login(editor)
    return client


def menu(html: str) -> str:
    return re.search(r'<nav class="section-nav".*?</nav>', html, re.S)[0]


def current(html: str) -> list[str]:
    return re.findall(r'aria-current="page">([^<]+)<', menu(html))


def test_a_renamed_section_is_in_the_menu_of_the_next_render(
    desk, make_article, make_section
):
    article = make_article(section=make_section(name="Politik"))
    culture = make_section(name="Kultur")
    assert "Kultur" in menu(desk.get(article.get_absolute_url()).text)
    culture.name = "Feuilleton"
    section_save(culture)
    shown = menu(desk.get(article.get_absolute_url()).text)
    assert "Feuilleton" in shown and "Kultur" not in shown


def test_a_new_section_joins_the_menu_of_every_page(desk, article, make_section):
    assert "Wissen" not in menu(desk.get(article.get_absolute_url()).text)
    make_section(name="Wissen")
    assert "Wissen" in menu(desk.get(article.get_absolute_url()).text)
    assert "Wissen" in menu(desk.get("/").text)


def test_the_menu_marks_the_section_of_each_page(desk, make_article, make_section):
    politics = make_article(section=make_section(name="Politik"))
    culture = make_article(section=make_section(name="Kultur"))
    assert current(desk.get(politics.get_absolute_url()).text) == ["Politik"]
    assert current(desk.get(culture.get_absolute_url()).text) == ["Kultur"]
    assert current(desk.get(culture.section.get_absolute_url()).text) == ["Kultur"]
    assert current(desk.get("/").text) == []


def test_each_language_has_its_own_menu_and_footer(desk, article):
    german = desk.get(article.get_absolute_url()).text
    english = desk.get("/en/").text
    assert 'aria-label="Ressorts"' in menu(german)
    assert 'aria-label="Sections"' in menu(english)
    assert ">Wie wir mit Korrekturen umgehen</a>" in german
    assert ">How we handle corrections</a>" in english
    assert 'href="/feed/"' in german and 'href="/en/feed/"' in english


def test_a_shared_piece_lives_no_longer_than_a_cached_page(desk, article, settings):
    """Rows changed behind Django's back (no save, so no purge) show in time."""
    url = article.get_absolute_url()
    with time_machine.travel(timezone.now(), tick=False) as clock:
        desk.get(url)
        Section.objects.filter(pk=article.section_id).update(name="Umbenannt")
        assert "Umbenannt" not in menu(desk.get(url).text)
        clock.shift(timedelta(seconds=settings.NEWSROOM_PAGE_CACHE_SECONDS + 1))
        assert "Umbenannt" in menu(desk.get(url).text)
