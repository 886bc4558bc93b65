"""A Wagtail 8 project as `wagtail start` makes it, cut to what a news site
needs, plus the desk as the README's "Add the desk to your Django project"
says (the block at the end)."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import dj_database_url

HERE = Path(__file__).resolve().parent
if os.environ.get("WAGTAIL_SITE_FILES"):
    FILES = Path(os.environ["WAGTAIL_SITE_FILES"])
else:
    # Ours alone: gone when the test run ends (each run left one in /tmp before).
    FILES = Path(tempfile.mkdtemp("-wagtail-site"))
    atexit.register(shutil.rmtree, FILES, ignore_errors=True)

SECRET_KEY = "only-for-the-wagtail-host-tests-" + "x" * 32
DEBUG = False
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]

INSTALLED_APPS = [
    "tests.hosts.wagtail_site.stories",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "tests.hosts.wagtail_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

# The newsroom's test run sets DATABASE_URL for PostgreSQL; the host follows.
DATABASES = {
    "default": dj_database_url.config(default=f"sqlite:///{FILES / 'site.sqlite3'}")
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

LANGUAGE_CODE = "de"
# German for strings of Django 6.1's admin scripts its German catalogue lacks
# (the calendar's "Today (…)"), as any German site with Django's admin needs.
LOCALE_PATHS = [HERE / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = FILES / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = FILES / "media"
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}

WAGTAIL_SITE_NAME = "Stadtanzeiger"
WAGTAILADMIN_BASE_URL = "http://localhost"
# Wagtail's frontend cache: a backend that writes down what it was asked to
# purge, where a site would name Varnish or a CDN.
WAGTAILFRONTENDCACHE = {
    "recorded": {"BACKEND": "tests.hosts.wagtail_site.stories.purges.RecordedPurges"}
}

# The desk, as the README says.
INSTALLED_APPS += ["crispy_forms", "crispy_bootstrap5", "correction_desk"]
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
# Its ready parts for Wagtail: the menu item, and Wagtail's publications heard.
INSTALLED_APPS += ["correction_desk.contrib.wagtail"]
CORRECTION_DESK_BASE_URL = "http://localhost"
CORRECTION_DESK_TAG_AUTHORITY = "stadtanzeiger.example,2026"
