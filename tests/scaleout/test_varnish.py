"""Varnish in front of two app servers, with the rules of deploy/varnish/, a task
worker sending the purges, and the demo content, as in production."""

import http.client
import json
import sqlite3
import subprocess
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from articles.models import Article
from correction_desk.tests.helpers import report_post, report_url

from .servers import (
    ROOT,
    VARNISHD,
    Browser,
    Varnish,
    app_servers,
    in_a_fresh_minute,
    log_in,
    manage,
    native_env,
    publish_correction,
    sqlite_server_env,
    task_worker,
)

pytestmark = pytest.mark.skipif(
    not Path(VARNISHD).exists(),
    reason="needs Varnish and varnish-modules (Debian); .ci/run installs both",
)

PASSWORD = "ein-langes-passwort-fuer-die-demo"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("varnish")
    env = sqlite_server_env(
        root,
        NEWSROOM_DEMO_PASSWORD=PASSWORD,
        NEWSROOM_TASKS="database",
        NEWSROOM_TRUSTED_PROXIES="127.0.0.1",
        NEWSROOM_REPORTS_PER_ARTICLE_PER_MINUTE="20",
    )
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_demo", env={**env, "DJANGO_DEBUG": "1"})
    manage("collectstatic", "--noinput", "-v0", env=env)
    varnish = Varnish(root / "varnish")
    env["NEWSROOM_VARNISH_URLS"] = varnish.url
    with app_servers(env) as urls, task_worker(env):
        varnish.configure(urls)
        varnish.start()
        try:
            yield SimpleNamespace(
                varnish=varnish, urls=urls, database=root / "db.sqlite3"
            )
        finally:
            varnish.stop()


def query(site, sql, *parameters) -> list:
    with sqlite3.connect(site.database) as database:
        return database.execute(sql, parameters).fetchall()


def open_reports(site) -> list[tuple[int, str]]:
    """(report, article slug) for each article that has a new report."""
    rows = query(
        site,
        "SELECT MIN(correction_desk_report.id), slug FROM correction_desk_report "
        "JOIN articles_article ON object_id = CAST(articles_article.id AS TEXT) "
        "WHERE correction_desk_report.status = 'new' GROUP BY slug ORDER BY slug",
    )
    assert len(rows) >= 2, "the demo content has fewer open reports than the tests need"
    return rows


def page(slug: str) -> str:
    return f"/artikel/{slug}/"


def wait_until(condition, seconds: float = 10) -> float:
    """Seconds until `condition()` held; fails after `seconds`."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > seconds:
            raise AssertionError(f"not within {seconds} s")
        time.sleep(0.02)
    return time.monotonic() - started


def cached_read(site, reader, url):
    """Read `url` through Varnish until it is answered from the cache."""
    reader.open(site.varnish.url + url)
    response = reader.open(site.varnish.url + url)
    assert response.headers["X-Cache"] == "HIT", url
    return response


def test_an_anonymous_reader_is_served_the_article_by_varnish(site):
    _, slug = open_reports(site)[0]
    reader = Browser()
    first = reader.open(site.varnish.url + page(slug))
    second = reader.open(site.varnish.url + page(slug))
    assert first.status == second.status == 200
    assert second.headers["X-Cache"] == "HIT"
    assert int(second.headers["Age"]) >= 0
    assert second.text == first.text
    # The keys are for the cache; browsers ask again each time and get a 304.
    assert "xkey" not in second.headers and "Surrogate-Key" not in second.headers
    assert "max-age=0" in second.headers["Cache-Control"]
    again = reader.open(
        site.varnish.url + page(slug), headers={"If-None-Match": second.headers["ETag"]}
    )
    assert again.status == 304
    # The German page is German whatever the browser prefers: one copy for all.
    english_reader = reader.open(
        site.varnish.url + page(slug), headers={"Accept-Language": "en-GB,en"}
    )
    assert english_reader.headers["X-Cache"] == "HIT"
    assert english_reader.text == first.text


def test_a_host_the_site_does_not_serve_is_refused_through_varnish(site):
    _, slug = open_reports(site)[0]
    cached_read(site, Browser(), page(slug))
    for _ in range(2):
        foreign = Browser().open(
            site.varnish.url + page(slug), headers={"Host": "boese.example"}
        )
        assert foreign.status == 400
        assert foreign.headers["X-Cache"] != "HIT"


def test_a_correction_published_in_the_admin_is_served_by_varnish_at_once(site):
    report, slug = open_reports(site)[0]
    reader = Browser()
    cached_read(site, reader, page(slug))
    text = f"Über Varnish korrigiert, Meldung {report}."
    publish_correction(site.varnish.url, "redaktion", PASSWORD, report, text)
    # The purge goes through the task worker (bench/RESULTS.md measures it).
    wait_until(lambda: text in reader.open(site.varnish.url + page(slug)).text)
    log = reader.open(site.varnish.url + "/korrekturen/")
    assert text in log.text


def test_saving_one_article_leaves_the_other_articles_cached(site):
    (report, corrected), *rest = open_reports(site)
    # Not its translation, whose page shows the corrections to this one and is
    # purged with it by design (which article comes next depends on the order
    # the tests ran in).
    partners = {
        slug
        for (slug,) in query(
            site,
            "SELECT t.slug FROM articles_article a JOIN articles_article t"
            " ON t.id = a.translation_id WHERE a.slug = ?",
            corrected,
        )
    }
    other = next(slug for _, slug in rest if slug not in partners)
    reader = Browser()
    cached_read(site, reader, page(corrected))
    before = cached_read(site, reader, page(other))
    text = f"Nur dieser Artikel, Meldung {report}."
    publish_correction(site.urls[0], "redaktion", PASSWORD, report, text)
    wait_until(lambda: text in reader.open(site.varnish.url + page(corrected)).text)
    after = reader.open(site.varnish.url + page(other))
    assert after.headers["X-Cache"] == "HIT"
    assert int(after.headers["Age"]) >= int(before.headers["Age"])


def test_the_report_form_goes_through_varnish_and_is_never_cached(site):
    _, slug = open_reports(site)[0]
    ((pk, revision),) = query(
        site, "SELECT id, revision FROM articles_article WHERE slug = ?", slug
    )
    article = Article(pk=pk, slug=slug, revision=revision)
    reader = Browser()
    cached_read(site, reader, page(slug))
    in_a_fresh_minute()
    sent = [
        reader.open(
            site.varnish.url + report_url(article),
            report_post(article, description=f"Über Varnish gemeldet, Nr. {n}."),
        )
        for n in (1, 2)
    ]
    assert [response.status for response in sent] == [302, 302]
    stored = query(
        site,
        "SELECT description FROM correction_desk_report "
        "WHERE description LIKE 'Über Varnish gemeldet%' ORDER BY id",
    )
    assert [row[0] for row in stored[-2:]] == [
        "Über Varnish gemeldet, Nr. 1.",
        "Über Varnish gemeldet, Nr. 2.",
    ]
    status_page = sent[0].headers["Location"]
    for _ in range(2):
        thanks = reader.open(site.varnish.url + status_page)
        assert thanks.status == 200
        assert thanks.headers["X-Cache"] != "HIT"
        assert "Wir werden Ihre Kommentare so schnell wie möglich" in thanks.text


def test_a_signed_in_editor_is_never_served_a_cached_page(site):
    _, slug = open_reports(site)[0]
    cached_read(site, Browser(), page(slug))
    desk = log_in(site.varnish.url, "redaktion", PASSWORD)
    seen = desk.open(site.varnish.url + page(slug))
    assert seen.status == 200
    assert seen.headers["X-Cache"] == "PASS"
    assert "private" in seen.headers["Cache-Control"]
    # A draft the editor previews is never kept for readers. (No test reads
    # this article; the other tests use the first open reports.)
    ((draft,),) = query(
        site, "SELECT slug FROM articles_article ORDER BY slug DESC LIMIT 1"
    )
    assert draft not in [slug for _, slug in open_reports(site)[:2]]
    query(site, "UPDATE articles_article SET status = 'draft' WHERE slug = ?", draft)
    assert desk.open(site.varnish.url + page(draft)).status == 200
    for _ in range(2):
        assert Browser().open(site.varnish.url + page(draft)).status == 404


def purges_of(site, key: str) -> list[tuple[str, int, str]]:
    """(status, attempt, return value) of each queued purge naming `key`."""
    rows = query(
        site,
        "SELECT status, args_kwargs, return_value "
        "FROM django_tasks_database_dbtaskresult "
        "WHERE task_path LIKE '%purge_http_cache' ORDER BY enqueued_at",
    )
    found = []
    for status, arguments, returned in rows:
        url, keys, *later = json.loads(arguments)["args"]
        if key in keys:
            attempt = later[1] if later else 1
            found.append((status, attempt, returned and json.loads(returned)))
    return found


def test_with_varnish_down_reports_and_corrections_succeed_and_purges_follow(site):
    report, slug = open_reports(site)[0]
    ((pk, revision),) = query(
        site, "SELECT id, revision FROM articles_article WHERE slug = ?", slug
    )
    server = site.urls[0]
    text = f"Während Varnish stand, Meldung {report}."
    site.varnish.stop()
    try:
        in_a_fresh_minute()
        reader = Browser()
        article = Article(pk=pk, slug=slug, revision=revision)
        sent = reader.open(
            server + report_url(article),
            report_post(article, description="Während Varnish stand gemeldet."),
        )
        assert sent.status == 302
        publish_correction(server, "redaktion", PASSWORD, report, text)
        assert text in reader.open(server + page(slug)).text
        # The worker tried, and will try again.
        wait_until(
            lambda: any(
                status == "READY" and attempt >= 2
                for status, attempt, _ in purges_of(site, f"article-{pk}")
            )
        )
    finally:
        site.varnish.start()
    wait_until(
        lambda: any(
            returned == "purged" and attempt >= 2
            for _, attempt, returned in purges_of(site, f"article-{pk}")
        ),
        seconds=30,
    )
    assert query(
        site, "SELECT COUNT(*) FROM correction_desk_correctionnote WHERE text = ?", text
    ) == [(1,)]


def test_the_production_configuration_compiles(tmp_path):
    configuration = ROOT / "deploy" / "varnish" / "default.vcl"
    compiled = subprocess.run(
        [VARNISHD, "-C", "-j", "none", "-n", str(tmp_path), "-f", str(configuration)],
        capture_output=True, timeout=60, env=native_env(),
    )  # fmt: skip
    assert compiled.returncode == 0, compiled.stderr.decode()


def purge_from(site, address: str, keys: str) -> int:
    connection = http.client.HTTPConnection(
        "127.0.0.1", site.varnish.port, timeout=10, source_address=(address, 0)
    )
    try:
        connection.request("PURGE", "/", headers={"xkey-purge": keys})
        return connection.getresponse().status
    finally:
        connection.close()


def test_only_the_app_servers_may_purge(site):
    _, slug = open_reports(site)[0]
    ((pk,),) = query(site, "SELECT id FROM articles_article WHERE slug = ?", slug)
    reader = Browser()
    cached_read(site, reader, page(slug))
    # Loopback has every 127.x address; Varnish's purgers list has 127.0.0.1 only.
    assert purge_from(site, "127.0.0.2", f"article-{pk}") == 403
    assert reader.open(site.varnish.url + page(slug)).headers["X-Cache"] == "HIT"
    assert purge_from(site, "127.0.0.1", f"article-{pk}") == 200
    assert reader.open(site.varnish.url + page(slug)).headers["X-Cache"] == "MISS"
