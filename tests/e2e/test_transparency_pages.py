"""The transparency log for readers, in a browser: the versions page says each
version is logged and links its proof, the record's page shows the signed
checkpoint, "Prüfen" finds a pasted text, and a memento shows a past version;
axe-core finds nothing on any of them. NEWSROOM_SCREENSHOTS=<folder> keeps a
picture of each."""

import os
from pathlib import Path

import pytest

from articles.services import article_revise
from articles.tests.factories import ArticleFactory
from correction_desk.services import correction_publish

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("NEWSROOM_SCREENSHOTS")


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture
def logged(log_key, editor):
    article = ArticleFactory(
        title="Der Hafen von Lindenfeld",
        lead="Ein Jubiläum am Wasser.",
        body="Der Hafen wurde 1890 eröffnet.\n\nHeute legen dort Schiffe an.",
    )
    article = article_revise(
        article=article, editor=editor,
        changes={"body": article.body.replace("1890", "1891")},
    )  # fmt: skip
    correction_publish(
        content=article, editor=editor, kind="correction",
        text="Der Hafen wurde 1891 eröffnet, nicht 1890.", reports=[],
    )  # fmt: skip
    return article


def test_a_reader_follows_a_version_to_its_proof_and_checks_a_text(
    page, live_server, logged, accessible
):
    page.goto(f"{live_server.url}/artikel/{logged.slug}/versionen/")
    entries = page.locator(".version-log")
    assert entries.count() == 2
    assert (
        "Diese Fassung ist im öffentlichen Protokoll eingetragen"
        in entries.first.inner_text()
    )
    accessible(page)
    shot(page, "versions-with-log")

    entries.nth(1).get_by_role("link").click()
    page.wait_for_url("**/korrekturen/protokoll/**")
    assert (
        page.locator("pre.log-checkpoint")
        .inner_text()
        .startswith("127.0.0.1:8000/transparency\n")
    )
    accessible(page)
    shot(page, "log-record")

    page.get_by_role("link", name="Einen Text mit dem Protokoll abgleichen").click()
    page.get_by_label("Der zu prüfende Text").fill(
        "Der Hafen von Lindenfeld\nEin Jubiläum am Wasser.\n\n"
        "Der Hafen wurde 1891 eröffnet.\nHeute legen dort Schiffe an."
    )
    page.get_by_role("button", name="Prüfen").click()
    assert page.get_by_role(
        "heading", name="Dieser Text ist im Protokoll."
    ).is_visible()
    accessible(page)
    shot(page, "log-check")


def test_a_memento_shows_how_the_text_read(page, live_server, logged, accessible):
    page.goto(f"{live_server.url}/transparency/memento/articles.article/{logged.pk}/1")
    assert "So lautete der Text vom" in page.locator(".memento-notice").inner_text()
    assert "1890" in page.locator("article").inner_text()
    accessible(page)
    shot(page, "memento")
