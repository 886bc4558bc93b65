"""gunicorn settings for newsroom; each can be overridden by an environment variable."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 2))
# gevent: each connection waits in a greenlet of its own, so clients that send
# their request slowly (on purpose or over a bad line) occupy no thread, and four
# of them cannot starve the site as they did the thread pool of "gthread".
# psycopg 3 and redis-py cooperate with it; SQLite's calls are short. Measured on
# 2 cores, same run: article page 3,540 vs 3,601 req/s, reports 213 vs 183/s.
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "gevent")
threads = int(os.environ.get("GUNICORN_THREADS", 2))  # gthread only
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Its largest setting, so that an overlong address reaches the site, which
# answers it with its own page (NEWSROOM_MAX_ADDRESS_BYTES is lower).
limit_request_line = 8190
# Open connections per worker (keep-alive and slow ones included); beyond it,
# the other workers accept.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", 1000))
# Recycle workers now and then, so that no slow leak builds up; not too often: a
# new worker loads Django again (at 2,000 requests, every few seconds under load).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = max_requests // 10
# Only our own reverse proxies may say over which scheme a request came; Django
# believes their X-Forwarded-For by the same list (NEWSROOM_TRUSTED_PROXIES).
forwarded_allow_ips = (
    os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS")
    or os.environ.get("NEWSROOM_TRUSTED_PROXIES")
    or "127.0.0.1"
)
# "-" logs each request to stdout; an empty value logs none.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
wsgi_app = "newsroom.wsgi:application"
