"""gunicorn settings for newsroom; each can be overridden by an environment variable."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", 2))
# Threads let a worker serve readers while another request waits on the database;
# more than two mostly queue for Python's interpreter lock (report submissions on
# SQLite, 2 workers: 497/s with 2 threads each, 433/s with 4; medians of 3 rounds).
threads = int(os.environ.get("GUNICORN_THREADS", 2))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Open connections per worker (keep-alive included); beyond it, the others accept.
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", 1000))
# Recycle workers now and then, so that no slow leak builds up; not too often: a
# new worker loads Django again (at 2,000 requests, every few seconds under load).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = max_requests // 10
# Only our own reverse proxy may say which client and scheme a request came from.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# "-" logs each request to stdout; an empty value logs none.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
wsgi_app = "newsroom.wsgi:application"
