"""The README's "Add the desk to your Django project", followed word for word.

A fresh virtual environment and a fresh project (`startproject`, one app with
a model of its own: a title and a body, nothing else); then every block of the
README's section in order: the wheel is built from this checkout, installed
with the dependencies it declares (from the package index, as a newcomer's pip
does), the settings, URLs, adapter and template written as shown, the tables
migrated. In that project a reader reports, an editor finds the report in the
queue and publishes a note, and the public sees it under the story, in the log,
the feed and the JSON record; a partner's webhook and a WebSub hub hear of it.
"""

import os
import re
import subprocess
import sys
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Add the desk to your Django project"

MODEL = """
from django.db import models
from django.urls import reverse


class Story(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField()

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("story", args=[self.pk])
"""

VIEW = """
from django.views.generic import DetailView

from .models import Story


class StoryDetail(DetailView):
    model = Story
"""

# What the project had before the desk: its app and the story's page.
PROJECT_SETTINGS = '\nINSTALLED_APPS += ["stories"]\n'
PROJECT_URLS = """
from stories.views import StoryDetail

urlpatterns += [path("stories/<int:pk>/", StoryDetail.as_view(), name="story")]
"""

CHECK = """
import json, os, re, time
os.environ["DJANGO_SETTINGS_MODULE"] = "mysite.settings"
import django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()  # the test client's host, mail kept in memory
from correction_desk.intake.stamps import make_stamp
from correction_desk.models import CorrectionNote, Report
from stories.models import Story

story = Story.objects.create(
    title="Der Hafen",
    body="Der Hafen wurde 1890 eröffnet. Er ist der größte im Land.",
)
reader = Client()
page = reader.get(f"/stories/{story.pk}/").content.decode()
assert "Did you notice an error or an inaccuracy?" in page, page[:3000]
# The bots' trap out of sight without a stylesheet of the project's.
assert 'class="report-trap"' in page and "correction_desk/css/report.css" in page
# Select and press Ctrl+Enter: the script comes with the form.
assert "correction_desk/build/report.js" in page and 'data-report-part="body"' in page
from django.contrib.staticfiles import finders
assert finders.find("correction_desk/css/report.css")
action = re.search(r'<form[^>]*action="([^"]+)"', page).group(1)
fields = dict(re.findall(r'<input type="hidden" name="(\\w+)" value="([^"]*)"', page))
fields.update(
    passage="1890",
    context_before="Der Hafen wurde ",
    description="Er wurde 1891 eröffnet.",
    # The reader read for half a minute before sending (too fast is refused).
    stamp=make_stamp(story, issued_at=time.time() - 30),
)
sent = reader.post(action, fields)
assert sent.status_code == 302, (sent.status_code, sent.content[:2000])
thanks = reader.get(sent["Location"]).content.decode()
assert "We will consider your comments as soon as possible." in thanks
report = Report.objects.get()
assert report.content == story and report.passage == "1890"

editor = Client()
editor.force_login(get_user_model().objects.create_superuser("editor", "e@example.org"))
queue = editor.get("/admin/correction_desk/report/").content.decode()
assert f"/admin/correction_desk/report/{report.pk}/change/" in queue, queue[:3000]
assert "Der Hafen" in queue
desk = editor.get(f"/admin/correction_desk/report/{report.pk}/change/").content.decode()
assert "<mark>1890</mark>" in desk, desk[:3000]
# A partner takes the desk's webhooks, and a WebSub hub hears of the feeds;
# what the desk sends goes through its one outbound client, answered here.
from django.test import override_settings
from correction_desk.models import PartnerEndpoint
from correction_desk.support import outbound
sent = []
def answered(method, url, **kwargs):
    sent.append(url)
    return outbound.Answer(status=202, body=b"")
outbound.send = answered
PartnerEndpoint.objects.create(name="Partner", url="https://partner.example/hook")
# Fixed in the project's own editor; then the note is published at the desk.
Story.objects.filter(pk=story.pk).update(body=story.body.replace("1890", "1891"))
with override_settings(CORRECTION_DESK_WEBSUB_HUB="https://hub.example/"):
  published = editor.post(
    f"/admin/correction_desk/report/{report.pk}/fix/",
      {"field": "body", "block_start": 0, "block_end": 10, "seen": "unused",
       "new_text": "ignored", "kind": "correction", "action": "publish",
       "reason": "", "text": "Der Hafen wurde 1891 eröffnet, nicht 1890."},
  )
assert published.status_code == 302, published.content[:3000]
report.refresh_from_db()
assert report.status == "corrected"
note = CorrectionNote.objects.get()
assert note.published_at and note.content == story
assert sorted(sent) == ["https://hub.example/", "https://partner.example/hook"], sent

text = "Der Hafen wurde 1891 eröffnet, nicht 1890."
assert text in reader.get(f"/stories/{story.pk}/").content.decode()
assert text in reader.get("/corrections/").content.decode()
assert text in reader.get("/corrections/feed/").content.decode()
record = json.loads(reader.get("/corrections.json").content)
assert [entry["text"] for entry in record["corrections"]] == [text]
# Every other page of the desk, public and in the admin, works there too.
from django.urls import reverse
for path in [
    reverse("correction_desk:feed-atom"),
    reverse("correction_desk:policy"),
    reverse("correction_desk:privacy"),
    reverse("correction_desk:content-record", args=["stories.story", story.pk]),
]:
    assert reader.get(path).status_code == 200, path
for path in [
    reverse("admin:correction_desk_report_metrics"),
    reverse("admin:correction_desk_report_privacy"),
    reverse("admin:correction_desk_report_publish", args=[report.pk]),
    reverse("admin:correction_desk_correctionnote_changelist"),
    reverse("admin:correction_desk_correctionnote_change", args=[note.pk]),
    reverse("admin:correction_desk_correctionnote_add")
    + f"?content=stories.story:{story.pk}",
    reverse("admin:correction_desk_partnerendpoint_changelist"),
    reverse("admin:correction_desk_webhookdelivery_changelist"),
    reverse("admin:correction_desk_policypage_changelist"),
]:
    assert editor.get(path).status_code == 200, path
# The German it ships speaks where a project's language is German.
from django.utils import translation
with translation.override("de"):
    assert translation.gettext("Did you notice an error or an inaccuracy?") == (
        "Haben Sie einen Fehler oder eine Ungenauigkeit festgestellt?")
print("ALL GOOD")
"""


def blocks():
    """The section's code blocks in order: (language, first line, code)."""
    text = (ROOT / "README.md").read_text()
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    found = re.findall(r"^( *)```(\w+)\n(.*?)^\1```", section, re.M | re.S)
    assert found, "the README has no steps"
    for _, language, code in found:
        code = textwrap.dedent(code)
        first, _, rest = code.partition("\n")
        yield language, first.strip("#{} "), rest


def run(command: str, cwd: Path, env: dict) -> None:
    done = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", command],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if done.returncode:
        pytest.fail(f"{command}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")


def test_the_readme_steps_put_the_desk_on_a_fresh_projects_own_model(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    # Nothing of this checkout or its environment leaks into the project's.
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "DJANGO"))
    }
    checkout = {**clean, "PATH": f"{Path(sys.executable).parent}:{clean['PATH']}"}
    ours = {**clean, "PATH": f"{environment / 'bin'}:{clean['PATH']}"}

    steps = list(blocks())
    language, where, command = steps[0]
    assert (language, where) == ("sh", "in a checkout of this repository")
    run(command.replace(" dist", f" {project / 'dist'}"), ROOT, checkout)
    wheel = next((project / "dist").glob("django_correction_desk-*.whl"))
    shipped = zipfile.ZipFile(wheel).namelist()
    for member in (
        "correction_desk/migrations/0001_initial.py",
        "correction_desk/locale/de/LC_MESSAGES/django.mo",
        "correction_desk/static/correction_desk/build/corrections.js",
        "correction_desk/templates/correction_desk/_notes.html",
    ):
        assert member in shipped, member
    assert not [name for name in shipped if "/tests/" in name]

    # The project as it was before: Django, brought by the desk's wheel, makes it.
    language, where, command = steps[1]
    assert (language, where) == ("sh", "in your project")
    run(command, project, ours)
    run("django-admin startproject mysite . && python manage.py startapp stories",
        project, ours)  # fmt: skip
    (project / "stories" / "models.py").write_text(MODEL)
    (project / "stories" / "views.py").write_text(VIEW)
    with (project / "mysite" / "settings.py").open("a") as settings:
        settings.write(PROJECT_SETTINGS)
    with (project / "mysite" / "urls.py").open("a") as urls:
        urls.write(PROJECT_URLS)
    run("python manage.py makemigrations stories", project, ours)

    for language, where, code in steps[2:]:
        if language == "sh":
            assert where == "in your project"
            run(code, project, ours)
            continue
        path, _, how = where.partition(" ")
        target = project / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if how == "(at the end)":
            with target.open("a") as file:
                file.write("\n" + code)
        else:
            assert how == "", where
            target.write_text(code)

    done = subprocess.run(
        [str(environment / "bin" / "python"), "-c", CHECK],
        cwd=project, env=ours, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    assert "ALL GOOD" in done.stdout
