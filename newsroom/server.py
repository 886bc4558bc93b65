"""The app server of `make serve`: granian, with this site's defaults.

Run as `python -m newsroom.server`; each default below can be changed by the
environment variable beside it.

Why granian (bench/RESULTS.md, section 12, one run): its HTTP side is Rust on an
event loop, so a connection that sends its request slowly waits there and holds
no Python thread; only whole requests reach the threads that run Django. That
is the slow-client defence gunicorn's gevent workers gave, without their tail:
with gevent, 16 keep-alive readers of a cached article saw a p99 of about
200 ms and 64 saw timeouts, against a p99 near the baseline's with granian.
gunicorn's thread worker has a short tail too, but a client that dribbles its
headers holds one of its threads for as long as it likes
(tests/scaleout/test_slow_clients.py shows both).
"""

import os

from granian import Granian
from granian.constants import Interfaces
from granian.http import HTTP1Settings

# Larger than the longest address the site answers (NEWSROOM_MAX_ADDRESS_BYTES),
# so that an overlong one reaches Django and gets the site's own 414 page.
MAX_HEADER_BYTES = 64 * 1024
# A client has this long to send its request's headers, however slowly.
HEADER_SECONDS = 30


def server_settings(environ=os.environ) -> dict:
    host, _, port = environ.get("SERVER_BIND", "127.0.0.1:8000").rpartition(":")
    return {
        "target": "newsroom.wsgi:application",
        "interface": Interfaces.WSGI,
        "address": host.strip("[]") or "127.0.0.1",
        "port": int(port),
        "workers": int(environ.get("SERVER_WORKERS", 2)),
        # Threads per worker that run Django. More than the cores: a request
        # that waits (for SQLite's write lock, a slow query) leaves the CPU to
        # the others.
        "blocking_threads": int(environ.get("SERVER_THREADS", 4)),
        "backlog": 1024,
        "http1_settings": HTTP1Settings(
            header_read_timeout=HEADER_SECONDS * 1000,
            max_buffer_size=MAX_HEADER_BYTES,
        ),
        "log_access": environ.get("SERVER_ACCESS_LOG", "1") == "1",
        # A worker that dies is started again, as gunicorn's arbiter did.
        "respawn_failed_workers": True,
        "workers_kill_timeout": 20,
    }


def main() -> None:
    Granian(**server_settings()).serve()


if __name__ == "__main__":
    main()
