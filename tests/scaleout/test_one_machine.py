"""Two app servers on one machine sharing the SQLite database and the SQLite cache,
as the workers of `make serve` do: no PostgreSQL, no Redis."""

import sqlite3
from types import SimpleNamespace

import pytest

from articles.models import Article
from correction_desk.tests.helpers import report_post, report_url

from .servers import (
    Browser,
    app_servers,
    in_a_fresh_minute,
    manage,
    publish_correction,
    sqlite_server_env,
)

PASSWORD = "ein-langes-passwort-fuer-die-demo"
ARTICLE = "usa-rund-8000-nordkoreanische-soldaten-in-der-region-kursk"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A production-like site on SQLite with the demo content; two servers on it."""
    root = tmp_path_factory.mktemp("one-machine")
    env = sqlite_server_env(root, NEWSROOM_DEMO_PASSWORD=PASSWORD)
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_demo", env={**env, "DJANGO_DEBUG": "1"})
    manage("collectstatic", "--noinput", "-v0", env=env)
    with app_servers(env) as urls:
        yield SimpleNamespace(urls=urls, database=root / "db.sqlite3")


def query(site, sql, *parameters):
    with sqlite3.connect(site.database) as database:
        return database.execute(sql, parameters).fetchone()


def demo_article(site):
    pk, revision = query(
        site, "SELECT id, revision FROM articles_article WHERE slug = ?", ARTICLE
    )
    return Article(pk=pk, slug=ARTICLE, revision=revision)


def test_a_readers_rate_limit_holds_across_both_servers(site):
    first, second = site.urls
    article = demo_article(site)
    reader = Browser()
    in_a_fresh_minute()
    statuses = [
        reader.request(
            server + report_url(article),
            report_post(article, description=f"Maschine Nr. {n}"),
        )[0]
        for n, server in enumerate([first, second, first, second])
    ]
    assert statuses == [302, 302, 429, 429]


def test_a_correction_published_on_one_server_shows_on_the_other(site):
    first, second = site.urls
    reader = Browser()
    page = f"/artikel/{ARTICLE}/"
    # The second server now holds the page in its cache.
    assert "Auf derselben Maschine" not in reader.request(second + page)[1]
    (report,) = query(
        site,
        "SELECT correction_desk_report.id FROM correction_desk_report "
        "JOIN articles_article "
        "ON object_id = CAST(articles_article.id AS TEXT) "
        "WHERE slug = ? AND correction_desk_report.status = 'new'",
        ARTICLE,
    )
    publish_correction(
        first, "redaktion", PASSWORD, report, "Auf derselben Maschine korrigiert."
    )
    status, body = reader.request(second + page)
    assert status == 200
    assert "Auf derselben Maschine korrigiert." in body
