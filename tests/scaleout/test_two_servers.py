"""Two gunicorn app servers sharing one PostgreSQL and one Redis, as in production."""

import html
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection

from corrections.services import report_submit
from corrections.tests.helpers import report_post, report_url

ROOT = Path(__file__).resolve().parents[2]
SCALE_OUT = os.environ.get("DATABASE_URL", "").startswith(
    "postgres"
) and os.environ.get("REDIS_URL")
pytestmark = [
    pytest.mark.skipif(
        not SCALE_OUT,
        reason="needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL); "
        ".ci/run starts both and runs this test",
    ),
    pytest.mark.django_db(transaction=True),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def servers(tmp_path):
    """Start two app servers on the test database; yield their base URLs."""
    database = urllib.parse.urlsplit(os.environ["DATABASE_URL"])
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # both servers, and our stamps
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DATABASE_URL": database._replace(
            path=f"/{connection.settings_dict['NAME']}"
        ).geturl(),
        "NEWSROOM_STATIC_ROOT": str(tmp_path / "static"),
        "NEWSROOM_REPORTS_PER_ARTICLE_PER_MINUTE": "2",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESS_LOG": "",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, check=True, timeout=120,
    )  # fmt: skip
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        for port in ports
    ]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url in urls:
            wait_until_up(url)
        yield urls
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)


def wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/robots.txt", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} did not start")


class Browser:
    """Just enough of a browser: cookies, forms, and no redirect following."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect()
        )

    def request(self, url, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data else None
        try:
            response = self.opener.open(url, body, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        return response.status, response.read().decode()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def csrf_token(page: str) -> str:
    return html.unescape(
        re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    )


def test_a_readers_rate_limit_holds_across_both_servers(servers, article):
    first, second = servers
    reader = Browser()
    statuses = [
        reader.request(
            server + report_url(article), report_post(article, description=f"Nr. {n}")
        )[0]
        for n, server in enumerate([first, second, first, second])
    ]
    assert statuses == [302, 302, 429, 429]


def test_a_correction_published_on_one_server_shows_on_the_other(
    servers, article, django_user_model
):
    first, second = servers
    reader = Browser()
    assert (
        "Auf dem ersten Server"
        not in reader.request(second + article.get_absolute_url())[1]
    )

    editor = django_user_model.objects.create_user(
        "skalierung", password="ein-langes-passwort-2024", is_staff=True
    )
    editor.groups.add(Group.objects.get_or_create(name="Redaktion")[0])
    editor.user_permissions.add(
        *__import__(
            "django.contrib.auth.models", fromlist=["Permission"]
        ).Permission.objects.filter(content_type__app_label="corrections")
    )
    report = report_submit(article=article, description="Falsche Zahl.")

    desk = Browser()
    login = desk.request(first + "/admin/login/")[1]
    status, _ = desk.request(
        first + "/admin/login/",
        {"csrfmiddlewaretoken": csrf_token(login), "username": "skalierung",
         "password": "ein-langes-passwort-2024", "next": "/admin/"},
    )  # fmt: skip
    assert status == 302
    publish = f"{first}/admin/corrections/report/{report.pk}/publish-correction/"
    form = desk.request(publish)[1]
    status, _ = desk.request(
        publish,
        {"csrfmiddlewaretoken": csrf_token(form), "kind": "correction",
         "text": "Auf dem ersten Server korrigiert."},
    )  # fmt: skip
    assert status == 302

    status, page = reader.request(second + article.get_absolute_url())
    assert status == 200
    assert "Auf dem ersten Server korrigiert." in page
