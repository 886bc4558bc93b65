"""What every page shows around its content (the links in the head, the header
with the section menu and the language switch, the footer) is written once
(templates/jinja2/includes/) and is the same on the article page, a Jinja2
template, as on the pages in Django's templates, and never older than what it
shows.

Editors always get a page rendered for them, so their pages show the pieces as
every render (a cache miss) would.
"""

import re

import pytest
from django.template import engines
from django.utils import translation
from jinja2 import meta

from articles.models import Section
from articles.services import section_save
from newsroom.kept_parts import KEPT_PARTS, VALUES, kept_part

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


def test_a_section_renamed_behind_djangos_back_shows_at_the_next_render(desk, article):
    """Rows changed with no save (so no purge) show as soon as a page is rendered:
    the menu is not kept apart from the page."""
    url = article.get_absolute_url()
    desk.get(url)
    Section.objects.filter(pk=article.section_id).update(name="Umbenannt")
    assert "Umbenannt" in menu(desk.get(url).text)


def around_the_content(html: str) -> str:
    """The page without its title, its head's own tags and its content."""
    html = re.sub(r"<title>.*?</title>", "", html, flags=re.S)
    html = re.sub(r'<meta name="description".*?(<meta name="theme-color")', r"\1", html,
                  flags=re.S)  # fmt: skip
    html = re.sub(r'(<script src="[^"]*corrections[^"]*" defer></script>).*?</main>',
                  r"\1</main>", html, flags=re.S)  # fmt: skip
    return re.sub(r'aria-current="page"', "", html)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_article_page_has_the_same_head_header_and_footer_as_the_others(
    client, make_article, language
):
    article = make_article(language=language)
    with translation.override(language):
        section_page = client.get(article.section.get_absolute_url())
        article_page = client.get(article.get_absolute_url())
    assert section_page.status_code == article_page.status_code == 200
    # The language switch leads to this page's own counterpart on each.
    switch = re.compile(r'<ul class="language-switch">.*?</ul>', re.S)
    shared = around_the_content(switch.sub("", article_page.text))
    assert shared == around_the_content(switch.sub("", section_page.text))
    assert '<link rel="stylesheet" href="' in shared
    assert 'class="site-footer"' in shared and 'class="section-nav"' in shared


@pytest.mark.parametrize("name", KEPT_PARTS)
def test_a_part_rendered_once_for_every_page_reads_nothing_of_the_page(name):
    """A kept part is rendered once per language and the values it is given
    (newsroom/kept_parts.py): another value of one page in it would show on
    every other page."""
    environment = engines["jinja2"].env
    source = environment.loader.get_source(environment, name)[0]
    read = meta.find_undeclared_variables(environment.parse(source))
    assert read - set(environment.globals) <= VALUES | set(KEPT_PARTS[name])


def test_only_the_parts_that_read_nothing_of_the_page_are_kept():
    with pytest.raises(ValueError):
        kept_part("includes/header.html")
    # A kept part gets exactly its values...
    with pytest.raises(ValueError):
        kept_part("includes/section_nav.html", sections=[])
    with pytest.raises(ValueError):
        kept_part("includes/footer.html", sections=[])
    # ...as plain values: a row's model instance would be one key for every
    # content of that row.
    section = Section(pk=1, slug="politik", name="Politik")
    with pytest.raises(TypeError):
        kept_part("includes/section_nav.html", sections=[section], current=None)


def test_the_menu_is_kept_per_section_and_for_what_its_rows_say(
    desk, make_article, make_section
):
    """The menu is rendered once for each section's pages and rows: each
    section's page marks its own, and a renamed row is another menu."""
    politics = make_article(section=make_section(name="Politik"))
    culture = make_article(section=make_section(name="Kultur"))
    for _ in range(2):  # the second time from what was kept
        assert current(desk.get(politics.get_absolute_url()).text) == ["Politik"]
        assert current(desk.get(culture.get_absolute_url()).text) == ["Kultur"]
    Section.objects.filter(pk=culture.section_id).update(slug="feuilleton")
    assert 'href="/ressort/feuilleton/"' in menu(
        desk.get(politics.get_absolute_url()).text
    )


def test_a_kept_part_shows_the_site_name_of_the_moment(desk, article, settings):
    def footer():
        page = desk.get(article.section.get_absolute_url()).text
        return re.search(r'<footer class="site-footer".*?</footer>', page, re.S)[0]

    assert settings.SITE_NAME in footer()
    settings.SITE_NAME = "Morgenpost"
    assert "Morgenpost" in footer()
