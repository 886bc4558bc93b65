"""App servers started for real (`python -m newsroom.server`, as `make serve`), and
just enough of a browser."""

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
from contextlib import contextmanager
from http.cookiejar import CookieJar
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]


def native_env() -> dict:
    """The environment for the C servers in front (nginx, Varnish).

    The clock passes (.ci/any-moment) preload libfaketime into every process
    the tests start; Varnish deadlocks under it. The servers in front keep the
    machine's clock, as they would in front of any app server; our own Python
    processes share the moved one.
    """
    return {name: value for name, value in os.environ.items() if name != "LD_PRELOAD"}


def server_env(static_root, base=None, **overrides) -> dict:
    """The environment of a production-like test server: DEBUG off, over http."""
    from django.conf import settings

    return {
        **(os.environ if base is None else base),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # every server, and our stamps
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "NEWSROOM_STATIC_ROOT": str(static_root),
        "NEWSROOM_REPORTS_PER_ARTICLE_PER_MINUTE": "2",
        "SERVER_WORKERS": "1",
        **overrides,
    }


def sqlite_server_env(root, **overrides) -> dict:
    """A production-like server on one machine: SQLite database and cache in root."""
    return server_env(
        root / "static",
        base={
            name: value
            for name, value in os.environ.items()
            if name not in ("DATABASE_URL", "REDIS_URL")
        },
        NEWSROOM_SQLITE_PATH=str(root / "db.sqlite3"),
        NEWSROOM_CACHE_DIR=str(root / "cache"),
        **overrides,
    )


def in_a_fresh_minute(room_seconds: int = 20) -> None:
    """Wait, if need be, until a new per-minute rate-limit window has begun.

    A test that counts requests against a per-minute limit in a server process
    cannot freeze that process's clock; starting early in a window keeps the
    window from ending between its requests, whatever the minute.
    """
    left = 60 - time.time() % 60
    if left < room_seconds:
        time.sleep(left + 0.1)


def manage(*args, env):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
        timeout=120,
    )  # fmt: skip


OUR_SERVER = (sys.executable, "-m", "newsroom.server")


@contextmanager
def app_servers(env, count=2, command=OUR_SERVER, port=None):
    """Start `count` app servers with `env`; yield their base URLs.

    Another `command` must listen on `port`, the one server it starts."""
    ports = [port] if port else [free_port() for _ in range(count)]
    processes = [
        subprocess.Popen(
            [*command],
            cwd=ROOT,
            env={**env, "SERVER_BIND": f"127.0.0.1:{port}", "SERVER_ACCESS_LOG": "0"},
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
        response = self.open(url, data)
        return response.status, response.text

    def open(self, url, data=None, headers=None):
        """The response (status, headers, text) to a GET, or a POST of `data`."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if data else None
        request = urllib.request.Request(url, body, headers=headers or {})
        try:
            response = self.opener.open(request, timeout=10)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            return SimpleNamespace(
                status=response.status,
                headers=response.headers,
                text=response.read().decode(),
            )


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def csrf_token(page: str) -> str:
    return html.unescape(
        re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    )


def log_in(server, username, password) -> Browser:
    """A browser with an editor's admin session on `server`."""
    desk = Browser()
    login = desk.request(server + "/admin/login/")[1]
    status, _ = desk.request(
        server + "/admin/login/",
        {"csrfmiddlewaretoken": csrf_token(login), "username": username,
         "password": password, "next": "/admin/"},
    )  # fmt: skip
    assert status == 302, "the editor could not log in"
    return desk


def publish_correction(server, username, password, report_pk, text) -> None:
    """Log in to the admin as an editor and publish a correction for a report."""
    desk = log_in(server, username, password)
    publish = f"{server}/admin/correction_desk/report/{report_pk}/publish-correction/"
    form = desk.request(publish)[1]
    status, _ = desk.request(
        publish,
        {"csrfmiddlewaretoken": csrf_token(form), "kind": "correction", "text": text},
    )
    assert status == 302, "the correction was not published"


VARNISHD = "/usr/sbin/varnishd"
VCL = ROOT / "deploy" / "varnish" / "newsroom.vcl"


class Varnish:
    """Varnish on loopback in front of `backends`, with the repository's rules.

    The top-level VCL here stands in for deploy/varnish/default.vcl: the same
    shape, with the test's ports.
    """

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        workdir.mkdir(parents=True, exist_ok=True)

    def configure(self, backends: list[str]) -> None:
        names = [f"app{n}" for n in range(len(backends))]
        ports = [url.rsplit(":", 1)[1] for url in backends]
        definitions = "".join(
            f'backend {name} {{ .host = "127.0.0.1"; .port = "{port}"; }}\n'
            for name, port in zip(names, ports, strict=True)
        )
        additions = "".join(f"    app.add_backend({name});\n" for name in names)
        (self.workdir / "test.vcl").write_text(
            "vcl 4.1;\nimport directors;\n"
            f"{definitions}"
            'acl purgers { "127.0.0.1"; }\n'
            "sub vcl_init {\n    new app = directors.round_robin();\n"
            f"{additions}}}\n"
            "sub vcl_recv { set req.backend_hint = app.backend(); }\n"
            f'include "{VCL}";\n'
        )

    def start(self) -> None:
        # -j none: the tests run as whoever runs them, root in CI's container.
        self.process = subprocess.Popen(
            [VARNISHD, "-F", "-j", "none", "-n", str(self.workdir / "state"),
             "-a", f"127.0.0.1:{self.port}", "-f", str(self.workdir / "test.vcl"),
             "-s", "malloc,64m", "-T", "none"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=native_env(),
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    "Varnish did not start: " + self.process.stderr.read().decode()
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("Varnish did not start in time")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None


@contextmanager
def task_worker(env):
    """`manage.py db_worker` as production runs it, polling five times a second."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2",
         "--no-startup-delay", "--no-reload"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)
