"""A database of the release before the desk reached any content migrates, and
keeps everything: reports, notes, their links to versions, the feeds' and the
JSON record's ids, and what the public pages say.

The old release (OLD, checked out with `git worktree`) makes a database with
the demo content and 100,000 reports, on SQLite or, when the suite runs on
PostgreSQL, on a database of its own on that server; the code of this checkout
migrates it. Both read the same facts from it: rows through SQL (the columns
changed; what they say must not) and pages through Django's test client.
"""

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The last release whose desk knew only articles (issue 25's closing state).
OLD = "720ddd1"
REPORTS = 100_000
PASSWORD = "ein-langes-passwort-fuer-die-demo"
PRESS_LAW_PERMISSIONS = [
    "add_counterstatementdemand",
    "view_counterstatementdemand",
    "add_presseratcomplaint",
    "view_presseratcomplaint",
]

SEED = """
import random
from datetime import timedelta
from django.utils import timezone
from articles.models import Article
from corrections import services
from corrections.models import Report
from django.contrib.auth import get_user_model

articles = list(Article.objects.order_by("pk"))
editor = get_user_model().objects.get(username="redaktion")
# A note on another article, tied to a change, and one standing alone.
changed = articles[2]
changed.body = changed.body + "\\n\\nEin Absatz, später ergänzt."
changed.save(editor=editor)
services.correction_publish(
    article=changed, editor=editor, kind="update", text="Ergänzt.", reports=[]
)
services.correction_publish(
    article=articles[3], editor=editor, kind="clarification", text="Klarer.",
    reports=[],
)
statuses = ["new", "new", "in_review", "rejected", "corrected", "spam"]
now = timezone.now()
rng = random.Random(26)
Report.objects.bulk_create(
    [
        Report(
            article=articles[n % len(articles)],
            article_revision=1,
            description=f"Meldung Nummer {n}: {rng.random()}",
            passage=f"Stelle {n}",
            status=statuses[n % len(statuses)],
            due_at=now + timedelta(hours=n % 97),
        )
        for n in range(COUNT)
    ],
    batch_size=5000,
)
# Tasks still queued when the upgrade comes, under the old module paths.
from django_tasks_db.models import DBTaskResult
for path in ("corrections.tasks.notify_desk_of_report", "corrections.webhooks.deliver"):
    DBTaskResult.objects.create(
        task_path=path, args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default", run_after=now,
    )
"""

FACTS = """
import json, re
from django.db import connection
from django.test import Client

def rows(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [[str(value) for value in row] for row in cursor.fetchall()]

def columns(table):
    with connection.cursor() as cursor:
        return {c.name for c in connection.introspection.get_table_description(
            cursor, table)}

# The desk's tables: under the app's old label before, its new one after.
DESK = "correction_desk" if "correction_desk_report" in (
    connection.introspection.table_names()) else "corrections"

def about(table):
    if "article_id" in columns(table):
        return "article_id"
    return "CAST(object_id AS INTEGER)"

report = about(DESK + "_report")
note = about(DESK + "_correctionnote")
facts = {
    "reports": rows(
        f"SELECT id, {report}, status, description, passage, article_revision, "
        "similar_to_id, duplicate_of_id, correction_note_id, created_at "
        f"FROM {DESK}_report ORDER BY id"
    ),
    "notes": rows(
        f"SELECT id, {note}, kind, text, published_at, amended_at, withdrawn_at, "
        f"passage, revision FROM {DESK}_correctionnote ORDER BY id"
    ),
    "counts": {
        table.removeprefix(DESK + "_"): rows(f"SELECT COUNT(*) FROM {table}")[0][0]
        for table in (
            *(DESK + "_" + name for name in (
                "decision", "reportmessage", "editornote", "correctionnotechange",
                "webhookdelivery", "policypage")),
            "articles_article", "articles_articleversion", "auth_group_permissions",
        )
    },
    # What the editors' group may do, by the permissions' names.
    "editors": rows(
        "SELECT p.codename FROM auth_permission p "
        "JOIN auth_group_permissions gp ON gp.permission_id = p.id "
        "JOIN auth_group g ON g.id = gp.group_id "
        "WHERE g.name = 'Redaktion' ORDER BY p.codename"
    ),
}
if "correction_note_id" in columns("articles_articleversion"):
    facts["changed_from"] = rows(
        "SELECT correction_note_id, MIN(revision) FROM articles_articleversion "
        "WHERE correction_note_id IS NOT NULL GROUP BY correction_note_id "
        "ORDER BY correction_note_id"
    )
else:
    facts["changed_from"] = rows(
        f"SELECT id, compare_from FROM {DESK}_correctionnote "
        "WHERE compare_from IS NOT NULL ORDER BY id"
    )

client = Client()
def text(path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    body = response.content.decode()
    # What differs from request to request whatever the code: stamps, nonces.
    body = re.sub(r'name="stamp" value="[^"]*"', "", body)
    return re.sub(r'nonce="[^"]*"', "", body)

def section(html, start, end):
    found = re.search(start + ".*?" + end, html, re.S)
    return found.group(0) if found else ""

record = json.loads(text("/korrekturen.json"))
facts["record"] = record["corrections"]
feed = text("/korrekturen/feed/")
facts["feed"] = re.findall(r"<(guid|link|title)[^>]*>([^<]*)<", feed)
log = text("/korrekturen/")
facts["log"] = re.findall(r'<article class="log-entry">.*?</article>', log, re.S)
pages = {}
PATHS = {
    "de": ("/artikel/{}/", "/artikel/{}/versionen/", "/artikel/{}/korrekturen.json"),
    "en": ("/en/article/{}/", "/en/article/{}/versions/",
           "/en/article/{}/corrections.json"),
}
for slug, language in rows(
    "SELECT slug, language FROM articles_article WHERE status = 'published' "
    "ORDER BY id"
):
    page, versions, machine = (path.format(slug) for path in PATHS[language])
    html = text(page)
    pages[slug] = {
        "notes": section(html, '<section id="korrekturen"', "</section>"),
        "notice": section(html, '<p class="correction-notice">', "</p>"),
        # Parsed: the order of its keys is nobody's concern.
        "json_ld": json.loads(re.search(
            '<script type="application/ld[+]json">(.*?)</script>', html).group(1)),
        "versions": re.findall(
            r'<p class="version-note">.*?</p>', text(versions), re.S),
        "record": json.loads(text(machine)),
    }
facts["pages"] = pages
print("FACTS" + json.dumps(facts, sort_keys=True))
"""


def python(code: str, root: Path, env: dict) -> str:
    """Run `code` with Django set up, in the checkout at `root`."""
    script = (
        "import os, sys\n"
        f"sys.path.insert(0, {str(root)!r})\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'newsroom.settings')\n"
        "import django\ndjango.setup()\n" + textwrap.dedent(code)
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, env=env,
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if done.returncode:
        pytest.fail(f"in {root}:\n{done.stderr[-3000:]}")
    return done.stdout


def manage(root: Path, env: dict, *args: str) -> None:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=root, env=env,
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if done.returncode:
        pytest.fail(f"manage.py {' '.join(args)} in {root}:\n{done.stderr[-3000:]}")


def facts(root: Path, env: dict) -> dict:
    out = python(FACTS, root, env)
    return json.loads(out.split("FACTS", 1)[1])


@pytest.fixture(scope="module")
def old_checkout(tmp_path_factory):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("the upgrade test needs this repository's history (git)")
    where = tmp_path_factory.mktemp("old") / "newsroom"
    subprocess.run(
        ["git", "worktree", "add", "--detach", "--force", str(where), OLD],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    # The old release's German: its pages must read as they did.
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pybabel"), "compile", "--domain", "django",
         "--directory", str(where / "locale")],
        check=True, capture_output=True,
    )  # fmt: skip
    yield where
    subprocess.run(
        ["git", "worktree", "remove", "--force", str(where)],
        cwd=ROOT, check=False, capture_output=True,
    )  # fmt: skip


@pytest.fixture
def database(tmp_path):
    """An empty database of its own: SQLite, or on the suite's PostgreSQL."""
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)},
        "DJANGO_DEBUG": "1",
        "NEWSROOM_DEMO_PASSWORD": PASSWORD,
        "NEWSROOM_CACHE_DIR": str(tmp_path / "cache"),
        "NEWSROOM_TASKS": "immediate",
    }
    url = os.environ.get("DATABASE_URL")
    if not url:
        env["NEWSROOM_SQLITE_PATH"] = str(tmp_path / "db.sqlite3")
        yield env
        return
    import psycopg

    name = f"newsroom_upgrade_{os.getpid()}"
    server = url.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    env["DATABASE_URL"] = f"{server}/{name}"
    yield env
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_database_of_the_last_release_migrates_and_keeps_everything(
    old_checkout, database
):
    manage(old_checkout, database, "migrate", "--noinput", "-v0")
    manage(old_checkout, database, "load_demo")
    python(SEED.replace("COUNT", str(REPORTS)), old_checkout, database)
    before = facts(old_checkout, database)
    assert len(before["reports"]) > REPORTS and len(before["notes"]) >= 3

    manage(ROOT, database, "migrate", "--noinput", "-v0")
    after = facts(ROOT, database)

    for name in ("reports", "notes", "changed_from", "record", "feed", "log"):
        assert after[name] == before[name], name
    # The editors keep what they had, and gain recording press-law cases
    # (newsroom/migrations/0004_press_law_permissions.py), nothing else.
    gained = sorted(PRESS_LAW_PERMISSIONS)
    assert after["editors"] == sorted(before["editors"] + [[p] for p in gained])
    counts = dict(before["counts"])
    counts["auth_group_permissions"] = str(
        int(counts["auth_group_permissions"]) + len(gained)
    )
    assert after["counts"] == counts
    assert after["pages"].keys() == before["pages"].keys()
    for slug, page in before["pages"].items():
        assert after["pages"][slug] == page, slug
    # And the new code works on it: a reader's report on a migrated article.
    python(
        """
        from articles.models import Article
        from correction_desk.services import report_submit
        from correction_desk.models import Report
        article = Article.objects.published().order_by("pk").first()
        report_submit(content=article, description="Nach dem Umzug.")
        assert Report.objects.about(article).filter(
            description="Nach dem Umzug.").exists()
        # The editors' permissions and the queued tasks live under the new name.
        from django.contrib.auth.models import Group
        assert Group.objects.get(name="Redaktion").permissions.filter(
            content_type__app_label="correction_desk", codename="change_report"
        ).exists()
        from django.tasks import Task
        from django.utils.module_loading import import_string
        from django_tasks_db.models import DBTaskResult
        paths = sorted(DBTaskResult.objects.values_list("task_path", flat=True))
        assert paths == ["correction_desk.partners.webhooks.deliver",
                         "correction_desk.triage.tasks.notify_desk_of_report"], paths
        assert all(isinstance(import_string(path), Task) for path in paths)
        """,
        ROOT,
        database,
    )
