"""Clients that send their request slowly must not starve the site.

A connection that dribbles one header line every two seconds holds whatever
serves it. With gunicorn's thread pool ("gthread") four of them left every other
reader waiting. Two answers, both tested here: in production a buffering proxy
in front (nginx with deploy/nginx/proxy.conf) reads requests whole, so slow
clients never reach the app server; and the app server on its own (`make
serve`) runs gevent workers, which hold each waiting connection in a greenlet.
"""

import os
import shutil
import socket
import subprocess
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
    free_port,
    gunicorn_servers,
    manage,
    native_env,
    sqlite_server_env,
)

SLOW_CLIENTS = 40
READERS = 5


@contextmanager
def app_server(root, worker_class: str):
    env = sqlite_server_env(
        root,
        NEWSROOM_TRUSTED_PROXIES="127.0.0.1",
        GUNICORN_WORKERS="2",
        GUNICORN_THREADS="2",
        GUNICORN_WORKER_CLASS=worker_class,
    )
    manage("migrate", "--noinput", "-v0", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)  # pages render in full
    with gunicorn_servers(env, count=1) as (url,):
        yield url


@pytest.fixture(scope="module")
def gevent_server(tmp_path_factory):
    with app_server(tmp_path_factory.mktemp("gevent"), "gevent") as url:
        yield url


@pytest.fixture(scope="module")
def thread_pool_server(tmp_path_factory):
    with app_server(tmp_path_factory.mktemp("gthread"), "gthread") as url:
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


def dribble(port: int, stop: threading.Event) -> None:
    try:
        with socket.create_connection(("127.0.0.1", port)) as connection:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            line = 0
            while not stop.wait(2):
                connection.sendall(f"X-Slow-{line}: a\r\n".encode())
                line += 1
    except OSError:
        return


@contextmanager
def slow_clients(url: str):
    port = int(url.rsplit(":", 1)[1])
    stop = threading.Event()
    threads = [
        threading.Thread(target=dribble, args=(port, stop), daemon=True)
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


def test_the_app_server_alone_survives_slow_clients(gevent_server):
    with slow_clients(gevent_server):
        assert readers_answered(gevent_server) == READERS


def test_behind_the_proxy_slow_clients_never_reach_the_app_server(
    thread_pool_server, behind_nginx
):
    with slow_clients(behind_nginx):
        assert readers_answered(behind_nginx) == READERS
    # The same slow clients sent to that app server directly starve it: the
    # proxy, not luck, kept the readers served above.
    with slow_clients(thread_pool_server):
        assert readers_answered(thread_pool_server) < READERS


@pytest.mark.parametrize("server", ["gevent_server", "behind_nginx"])
def test_an_overlong_search_gets_our_german_page_from_the_real_servers(server, request):
    """Through gunicorn alone and behind nginx as deploy/ configures it."""
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
