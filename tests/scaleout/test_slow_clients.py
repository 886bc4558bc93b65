"""Clients that send their request slowly must not starve the site.

A connection that dribbles one header line every two seconds holds whatever
serves it. With gunicorn's thread pool ("gthread") four of them left every other
reader waiting. Two answers, both tested here: the app server of `make serve`
(granian, newsroom/server.py) reads requests whole on its event loop before a
thread runs Django, so slow clients hold no thread; and in front of a weaker
server a buffering proxy (nginx with deploy/nginx/proxy.conf) does the same.
"""

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager

import pytest

from search.text import MAX_TYPED_CHARACTERS

from .servers import (
    ROOT,
    app_servers,
    free_port,
    manage,
    native_env,
    sqlite_server_env,
)

SLOW_CLIENTS = 40
READERS = 5


# gunicorn's thread pool, 2 workers x 2 threads: a server slow clients starve.
# Its longest request line is raised to nginx's, so that an overlong address
# reaches the site through both.
THREAD_POOL = (
    sys.executable, "-m", "gunicorn", "--workers", "2", "--worker-class", "gthread",
    "--threads", "2", "--limit-request-line", "8190", "newsroom.wsgi:application",
)  # fmt: skip


@contextmanager
def app_server(root, command=None):
    env = sqlite_server_env(
        root, NEWSROOM_TRUSTED_PROXIES="127.0.0.1", SERVER_WORKERS="2"
    )
    manage("migrate", "--noinput", "-v0", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)  # pages render in full
    if command is None:
        with app_servers(env, count=1) as (url,):
            yield url
        return
    port = free_port()
    command = [*command, "--bind", f"127.0.0.1:{port}"]
    with app_servers(env, count=1, command=command, port=port) as (url,):
        yield url


@pytest.fixture(scope="module")
def our_server(tmp_path_factory):
    """As `make serve` starts it."""
    with app_server(tmp_path_factory.mktemp("ours")) as url:
        yield url


@pytest.fixture(scope="module")
def thread_pool_server(tmp_path_factory):
    with app_server(tmp_path_factory.mktemp("gthread"), THREAD_POOL) as url:
        yield url


def nginx_path() -> str:
    path = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if path is None:
        message = "nginx is not installed (sudo apt-get install nginx)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


NGINX_CONF = """
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
worker_processes 1;
events {{ worker_connections 512; }}
http {{
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    upstream newsroom {{ server {upstream}; keepalive 8; }}
    server {{
        listen 127.0.0.1:{port};
        include {snippet};
        location / {{ proxy_pass http://newsroom; }}
    }}
}}
"""


@pytest.fixture(scope="module")
def behind_nginx(thread_pool_server, tmp_path_factory):
    """The weak thread pool, behind nginx configured as the README says."""
    binary = nginx_path()
    root = tmp_path_factory.mktemp("nginx")
    root.chmod(0o777)  # nginx's workers run as an unprivileged user
    port = free_port()
    conf = root / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(
            root=root,
            port=port,
            upstream=thread_pool_server.removeprefix("http://"),
            snippet=ROOT / "deploy/nginx/proxy.conf",
        )
    )
    process = subprocess.Popen(
        [binary, "-c", str(conf), "-e", str(root / "e.log")], env=native_env()
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 10
        while not answers(url):
            assert time.monotonic() < deadline, (root / "error.log").read_text()
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def answers(url: str, timeout: float = 3) -> bool:
    try:
        with urllib.request.urlopen(url + "/robots.txt", timeout=timeout) as page:
            return page.status == 200
    except (OSError, urllib.error.URLError):
        return False


# What a slow client sends at once, and then a little every two seconds.
SLOW_HEADERS = (b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"X-Slow: a\r\n")
SLOW_BODY = (
    b"POST /suche/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100000\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\n\r\n",
    b"q=a&",
)


def dribble(port: int, stop: threading.Event, how: tuple[bytes, bytes]) -> None:
    start, more = how
    try:
        with socket.create_connection(("127.0.0.1", port)) as connection:
            connection.sendall(start)
            while not stop.wait(2):
                connection.sendall(more)
    except OSError:
        return


@contextmanager
def slow_clients(url: str, how=SLOW_HEADERS):
    port = int(url.rsplit(":", 1)[1])
    stop = threading.Event()
    threads = [
        threading.Thread(target=dribble, args=(port, stop, how), daemon=True)
        for _ in range(SLOW_CLIENTS)
    ]
    for thread in threads:
        thread.start()
    time.sleep(1.5)  # every slow client is connected and holding on
    try:
        yield
    finally:
        stop.set()


def readers_answered(url: str) -> int:
    return sum(answers(url) for _ in range(READERS))


@pytest.mark.parametrize("how", [SLOW_HEADERS, SLOW_BODY], ids=["headers", "body"])
def test_the_app_server_alone_survives_slow_clients(our_server, how):
    with slow_clients(our_server, how):
        assert readers_answered(our_server) == READERS


def test_behind_the_proxy_slow_clients_never_reach_the_app_server(
    thread_pool_server, behind_nginx
):
    with slow_clients(behind_nginx):
        assert readers_answered(behind_nginx) == READERS
    # The same slow clients sent to that app server directly starve it: the
    # proxy, not luck, kept the readers served above.
    with slow_clients(thread_pool_server):
        assert readers_answered(thread_pool_server) < READERS
    with slow_clients(thread_pool_server, SLOW_BODY):
        assert readers_answered(thread_pool_server) < READERS


@pytest.mark.parametrize("server", ["our_server", "behind_nginx"])
def test_an_overlong_search_gets_our_german_page_from_the_real_servers(server, request):
    """Through the app server alone and behind nginx as deploy/ configures it."""
    url = request.getfixturevalue(server)
    longest = urllib.parse.urlencode({"q": "\U0001f600" * MAX_TYPED_CHARACTERS})
    with urllib.request.urlopen(f"{url}/suche/?{longest}", timeout=10) as answer:
        assert answer.status == 200
    overlong = urllib.parse.urlencode({"q": "ä" * 700})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{url}/suche/?{overlong}", timeout=10)
    assert refused.value.code == 414
    page = refused.value.read().decode()
    assert 'lang="de"' in page and "zu lang" in page
    assert refused.value.headers["Content-Security-Policy"]
