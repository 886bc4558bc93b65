"""Settings for newsroom, read from the environment.

With no environment at all this is a development site: DEBUG on, an SQLite file in
the project folder, German as the default language. With DEBUG off it refuses to
start unless the secrets a public site needs are given.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str) -> list[str]:
    return [
        item.strip() for item in os.environ.get(name, "").split(",") if item.strip()
    ]


DEBUG = env_bool("DJANGO_DEBUG", True)

# Captured once at start-up: pytest-django switches DEBUG off during tests, but the
# test run is still a development configuration (demo accounts allowed, and so on).
PRODUCTION = not DEBUG

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")

if PRODUCTION:
    missing = [
        name
        for name, value in (
            ("DJANGO_SECRET_KEY", SECRET_KEY),
            ("DJANGO_ALLOWED_HOSTS", ALLOWED_HOSTS),
        )
        if not value
    ]
    if missing:
        raise ImproperlyConfigured(
            "DJANGO_DEBUG is off, so this is a production configuration; "
            f"set {' and '.join(missing)} before starting."
        )
else:
    SECRET_KEY = (
        SECRET_KEY or "django-insecure-development-only-never-use-in-production"
    )
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]

# The site's name, wherever it is shown: pages, feeds, structured data, the
# corrections record, the web app manifest.
SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "Newsroom")

INSTALLED_APPS = [
    # Before the admin, whose forms it extends (articles/translation.py).
    "modeltranslation",
    "newsroom.apps.NewsroomAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Full-text search on PostgreSQL (search/backends.py); inert on SQLite.
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks_db",
    "axes",
    "articles",
    "pagecache",
    "correction_desk",
    "search",
    # Last: it wires the apps above together (newsroom/desk.py).
    "newsroom.apps.NewsroomConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "newsroom.middleware.RefuseNullCharactersMiddleware",
    "newsroom.middleware.RefuseOverlongAddressesMiddleware",
    "pagecache.pages.CachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a login refused for too many failures into our 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # Pages without their templates' indentation (newsroom/
            # template_loaders.py); kept once loaded, as Django's default are.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "newsroom.template_loaders.DedentingLoader",
                        "newsroom.template_loaders.DedentingAppLoader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.navigation",
            ],
        },
    },
    # The article page and the header and footer of every page: compiled
    # templates, for the pages rendered most (newsroom/jinja_environment.py).
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "OPTIONS": {
            "environment": "newsroom.jinja_environment.environment",
            "extensions": ["correction_desk.jinja2tags.desk"],
            # Django's Jinja2 backend lets a context processor override what
            # the view passed, so the article page's context says all it
            # shows (articles/views.py, `article_page_context`).
            "context_processors": ["django.template.context_processors.i18n"],
        },
    },
]

# SQLite is tuned for a web server's many short concurrent transactions: WAL lets
# readers run beside the writer, IMMEDIATE takes the write lock at BEGIN so that a
# busy database waits for `timeout` instead of failing with "database is locked".
# (A lock file of our own in front of SQLite's lock was measured against this in
# bench/RESULTS.md, section 7: it did not earn its place, and is gone.)
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA busy_timeout=20000;"
        "PRAGMA foreign_keys=ON;"
    ),
}
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get(
                "NEWSROOM_SQLITE_PATH", str(BASE_DIR / "db.sqlite3")
            ),
        }
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's, with each statement converted to SQLite's placeholders once.
    DATABASES["default"]["ENGINE"] = "newsroom.sqlite_backend"
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
    # Opening a SQLite connection (pragmas, Django's SQL functions) cost a fifth
    # of a report submission; each server thread keeps its own instead.
    DATABASES["default"]["CONN_MAX_AGE"] = None
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg's pool keeps the connections; Django must close its own at once.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": int(os.environ.get("NEWSROOM_DB_POOL_MIN", 2)),
        "max_size": int(os.environ.get("NEWSROOM_DB_POOL_MAX", 10)),
        "timeout": 10,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Two caches: "default" holds the rate-limit counters, "pages" the rendered public
# pages and their purge times. Apart, so that page traffic (which a client
# steers) can never push a counter out and make a limit forget a client. App
# servers on several machines share both through Redis; the workers of one
# machine share SQLite files.
REDIS_URL = os.environ.get("REDIS_URL", "")
# How many pages the server keeps (each a few dozen KB, twice: plain and gzip).
PAGE_CACHE_ENTRIES = 2000
if REDIS_URL:
    # Redis evicts nothing unless given a maxmemory: every entry expires by itself.
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"newsroom-{alias}",
        }
        for alias in ("default", "pages")
    }
elif PRODUCTION:
    CACHE_DIR = Path(os.environ.get("NEWSROOM_CACHE_DIR", str(BASE_DIR / "var/cache")))
    CACHES = {
        "default": {
            "BACKEND": "newsroom.cache.SQLiteCache",
            "LOCATION": str(CACHE_DIR),
            "OPTIONS": {"MAX_ENTRIES": 1_000_000},
        },
        "pages": {
            "BACKEND": "newsroom.cache.SQLiteCache",
            "LOCATION": str(CACHE_DIR / "pages"),
            "OPTIONS": {"MAX_ENTRIES": PAGE_CACHE_ENTRIES},
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom-counters",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom-pages",
            "OPTIONS": {"MAX_ENTRIES": PAGE_CACHE_ENTRIES},
        },
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# A section without an English name or description shows the German one.
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# Our own German formats ("1. November 2024, 14:05 Uhr") on top of Django's.
FORMAT_MODULE_PATH = ["newsroom.formats"]

STATIC_URL = "static/"
STATIC_ROOT = os.environ.get("NEWSROOM_STATIC_ROOT", str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
if PRODUCTION:
    # whitenoise serves what collectstatic gathered (runserver does in development).
    MIDDLEWARE.insert(2, "whitenoise.middleware.WhiteNoiseMiddleware")
    # Hashed names (cacheable for ever) and pre-compressed brotli and gzip copies.
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {
            "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        },
    }

# Uploaded pictures and their renditions (articles/pictures.py), through the
# default storage: these files by default, served by Django under MEDIA_URL
# (newsroom/media.py); the README shows an S3-compatible bucket instead.
MEDIA_ROOT = os.environ.get("NEWSROOM_MEDIA_ROOT", str(BASE_DIR / "media"))
MEDIA_URL = os.environ.get("NEWSROOM_MEDIA_URL", "/medien/")
# Documents of press-law cases (correction_desk/press_law/storage.py): personal
# data no web server serves; back it up with the database.
CORRECTION_DESK_PRIVATE_ROOT = os.environ.get(
    "NEWSROOM_PRIVATE_ROOT", str(BASE_DIR / "var" / "private")
)
NEWSROOM_PICTURE_MAX_BYTES = int(
    os.environ.get("NEWSROOM_PICTURE_MAX_BYTES", 20_000_000)
)
NEWSROOM_PICTURE_MAX_PIXELS = int(
    os.environ.get("NEWSROOM_PICTURE_MAX_PIXELS", 50_000_000)
)
# What decoding one upload may take in memory (pixels times bytes per pixel,
# after JPEG's reduced decoding): the bound on a web worker serving readers.
NEWSROOM_PICTURE_MAX_DECODED_BYTES = int(
    os.environ.get("NEWSROOM_PICTURE_MAX_DECODED_BYTES", 100_000_000)
)

# A strict Content Security Policy on every page, the admin included: only our own
# scripts, styles, images and fonts; no inline code; no framing; forms post home.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    # Bootstrap draws checkboxes and select arrows with data: SVG images.
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
# Whether a request came over https is said by our reverse proxy in
# X-Forwarded-Proto; newsroom/wsgi.py believes it only from NEWSROOM_TRUSTED_PROXIES
# (else from the machine itself) and passes the scheme on to Django.

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

NEWSROOM_ARTICLES_PER_PAGE = 10

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Reader reports (corrections app).
NEWSROOM_REPORTS_PER_ARTICLE_PER_MINUTE = int(
    os.environ.get("NEWSROOM_REPORTS_PER_ARTICLE_PER_MINUTE", 5)
)
NEWSROOM_REPORTS_PER_DAY = int(os.environ.get("NEWSROOM_REPORTS_PER_DAY", 30))
# Older forms count as replayed; long enough for a page left open over a weekend.
NEWSROOM_REPORT_STAMP_MAX_AGE = 3 * 24 * 60 * 60
# Our own reverse proxies and caches (addresses or networks): only their
# X-Forwarded-For is believed (correction_desk/support/clients.py). None: every
# peer is a client.
NEWSROOM_TRUSTED_PROXIES = [
    ipaddress.ip_network(item, strict=False)
    for item in env_list("NEWSROOM_TRUSTED_PROXIES")
]
# Four-eyes rule: a correction note goes public only when a second editor
# approves it (the queue lists the notes waiting).
NEWSROOM_NOTES_NEED_APPROVAL = env_bool("NEWSROOM_NOTES_NEED_APPROVAL", False)
# Days after which a reporter's name and e-mail address are erased.
NEWSROOM_REPORTER_DATA_DAYS = 90

# Hours until a report is due, by the kind an editor gives it.
NEWSROOM_REPORT_DUE_HOURS = {
    "unclassified": 48,
    "factual": 24,
    "missing_context": 48,
    "typo": 72,
    "other": 72,
}
# Where links in e-mails point to.
NEWSROOM_BASE_URL = os.environ.get("NEWSROOM_BASE_URL", "http://127.0.0.1:8000")
# Desk address for sections without one of their own.
NEWSROOM_DESK_EMAIL = os.environ.get("NEWSROOM_DESK_EMAIL", "korrekturen@localhost")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Newsroom <newsroom@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Django 6.1 mailers. Development prints e-mails to the console; production sends
# them through an SMTP server (tests swap in the in-memory backend themselves).
if os.environ.get("DJANGO_EMAIL_BACKEND"):
    MAILERS = {"default": {"BACKEND": os.environ["DJANGO_EMAIL_BACKEND"]}}
elif os.environ.get("DJANGO_EMAIL_HOST") or PRODUCTION:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ.get("DJANGO_EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("DJANGO_EMAIL_PORT", 25)),
                "username": os.environ.get("DJANGO_EMAIL_USER", ""),
                "password": os.environ.get("DJANGO_EMAIL_PASSWORD", ""),
                "use_tls": env_bool("DJANGO_EMAIL_USE_TLS", False),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}

# Tasks run at once in development and tests; "database" queues them for
# `manage.py db_worker` (django-tasks-db).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if os.environ.get("NEWSROOM_TASKS") == "database"
        else "django.tasks.backends.immediate.ImmediateBackend",
    }
}

# Public pages. Saving what a page shows purges it by surrogate key from the
# server's own copy and from the HTTP caches in front, so those keep pages for
# hours; browsers ask again each time (a 304 when nothing changed), so that a
# reader sees a correction at once. The server's copy expires within an hour.
NEWSROOM_PAGE_MAX_AGE = 0
NEWSROOM_PAGE_S_MAXAGE = 6 * 60 * 60
# An HTTP cache may serve a page this old while the app servers fail.
NEWSROOM_PAGE_STALE_IF_ERROR = 24 * 60 * 60
NEWSROOM_PAGE_CACHE_SECONDS = 60 * 60
# HTTP caches that take PURGE with an xkey-purge header (deploy/varnish/),
# e.g. "http://127.0.0.1:6081"; several are separated by commas.
NEWSROOM_VARNISH_URLS = env_list("NEWSROOM_VARNISH_URLS")
# A WebSub hub (e.g. https://pubsubhubbub.appspot.com/) the feeds name and a new
# article or correction pings (correction_desk/support/websub.py); empty: no hub.
NEWSROOM_WEBSUB_HUB = os.environ.get("NEWSROOM_WEBSUB_HUB", "")
# Destinations the operator vouches for (scheme://host:port), which the site may
# reach although they are on loopback or a private network, e.g. a partner's
# receiver inside the newsroom's own network. The caches and the hub above are
# trusted as configured; editors' partner addresses must be public otherwise
# (correction_desk/support/outbound.py).
NEWSROOM_TRUSTED_DESTINATIONS = env_list("NEWSROOM_TRUSTED_DESTINATIONS")
# The longest address (path and query, in bytes) the site answers; longer ones
# get our own 414 page. Below the app server's header limit (newsroom/server.py)
# and nginx's header buffer, above the longest address our forms make
# (newsroom/middleware.py).
NEWSROOM_MAX_ADDRESS_BYTES = 4000

# Admin login throttling (django-axes, newsroom/login_throttle.py): failed
# attempts per account and client in 15 minutes; four times as many per account
# from all clients, and per client over all accounts.
NEWSROOM_LOGIN_ATTEMPTS = int(os.environ.get("NEWSROOM_LOGIN_ATTEMPTS", 5))
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = NEWSROOM_LOGIN_ATTEMPTS
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_HANDLER = "newsroom.login_throttle.LoginAttemptHandler"
AXES_USERNAME_CALLABLE = "newsroom.login_throttle.username"
AXES_CLIENT_IP_CALLABLE = "newsroom.clients.client_ip"
AXES_LOCKOUT_CALLABLE = "newsroom.login_throttle.lockout_response"
AXES_RESET_ON_SUCCESS = True
# Failed attempts are kept (for AXES_COOLOFF_TIME); every successful login
# would otherwise be stored too, with address and browser, for ever.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False


# The corrections desk (correction_desk/conf.py): the site's values, from the same
# environment variables as before.
CORRECTION_DESK_REPORTS_PER_CONTENT_PER_MINUTE = NEWSROOM_REPORTS_PER_ARTICLE_PER_MINUTE
CORRECTION_DESK_REPORTS_PER_DAY = NEWSROOM_REPORTS_PER_DAY
CORRECTION_DESK_REPORT_STAMP_MAX_AGE = NEWSROOM_REPORT_STAMP_MAX_AGE
CORRECTION_DESK_NOTES_NEED_APPROVAL = NEWSROOM_NOTES_NEED_APPROVAL
CORRECTION_DESK_REPORTER_DATA_DAYS = NEWSROOM_REPORTER_DATA_DAYS
CORRECTION_DESK_REPORT_DUE_HOURS = NEWSROOM_REPORT_DUE_HOURS
CORRECTION_DESK_DESK_EMAIL = NEWSROOM_DESK_EMAIL
CORRECTION_DESK_BASE_URL = NEWSROOM_BASE_URL
CORRECTION_DESK_WEBSUB_HUB = NEWSROOM_WEBSUB_HUB
# Reached as configured: those the operator names (HTTP caches are purged
# through the same client, as configured: pagecache/http_caches.py).
CORRECTION_DESK_TRUSTED_DESTINATIONS = NEWSROOM_TRUSTED_DESTINATIONS
CORRECTION_DESK_REQUIRE_HTTPS = PRODUCTION
CORRECTION_DESK_TRUSTED_PROXIES = NEWSROOM_TRUSTED_PROXIES
# The ids feeds and the JSON record have carried since 2024.
CORRECTION_DESK_TAG_AUTHORITY = "newsroom,2024"
# The report form's one rule (its bots' trap out of sight) is in newsroom.css.
CORRECTION_DESK_FORM_CSS = False
CORRECTION_DESK_PAGE_CACHE = "newsroom.desk.SitePages"
# The transparency log's signing key, outside the database (README, "A history
# anyone can verify"): the key itself, or the file holding it.
CORRECTION_DESK_LOG_KEY = os.environ.get("NEWSROOM_LOG_KEY", "")
CORRECTION_DESK_LOG_KEY_FILE = os.environ.get(
    "NEWSROOM_LOG_KEY_FILE", str(BASE_DIR / "var/transparency-key")
)
