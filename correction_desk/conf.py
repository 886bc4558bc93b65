"""The desk's settings: `CORRECTION_DESK_<NAME>` in the project's settings, each
with the default here (README, "Add the desk to your Django project").

Read when used, never cached: a test or a project may change them at any time.
"""

from django.conf import settings
from django.utils import translation

DEFAULTS = {
    # Reports one piece of content takes per minute, and one reader per day.
    "REPORTS_PER_CONTENT_PER_MINUTE": 5,
    "REPORTS_PER_DAY": 30,
    # Older forms count as replayed; long enough for a page left open over a weekend.
    "REPORT_STAMP_MAX_AGE": 3 * 24 * 60 * 60,
    # The four-eyes rule: a second editor approves every note and change.
    "NOTES_NEED_APPROVAL": False,
    # Days after which a reporter's name and e-mail address are erased.
    "REPORTER_DATA_DAYS": 90,
    # Hours until a report is due, by the kind an editor gives it.
    "REPORT_DUE_HOURS": {
        "unclassified": 48,
        "factual": 24,
        "missing_context": 48,
        "typo": 72,
        "other": 72,
    },
    # Where new reports go when the content's desk has no address of its own.
    "DESK_EMAIL": "",
    # The site's address, for links in e-mails, webhooks and WebSub topics.
    "BASE_URL": "http://localhost:8000",
    # A W3C WebSub hub told of every change to the feeds; "" for none.
    "WEBSUB_HUB": "",
    # Our own reverse proxies and caches (ip_network objects): only their
    # X-Forwarded-For is believed (support/clients.py).
    "TRUSTED_PROXIES": [],
    # Addresses the operator trusts as they are (caches to purge, a hub...).
    "TRUSTED_DESTINATIONS": [],
    # Partners' addresses must be https:// (None: when DEBUG is off).
    "REQUIRE_HTTPS": None,
    # Ids in feeds and the JSON record are tag URIs (RFC 4151) under this
    # authority: a domain you own and a date, e.g. "example.org,2026".
    "TAG_AUTHORITY": "example.org,2026",
    "FEED_LENGTH": 30,
    # The report form links the desk's one stylesheet (its bots' trap out of
    # sight); False for a project whose own stylesheet has that rule.
    "FORM_CSS": True,
    # The transparency log's signing key (transparency/keys.py): the key itself,
    # or a file holding it; and its name in checkpoints ("" : from BASE_URL).
    "LOG_KEY": "",
    "LOG_KEY_FILE": "",
    "LOG_ORIGIN": "",
    # Press law (press_law/deadlines.py; README, "Press law"). § 20 Abs. 2
    # MStV: a counter-statement demand must arrive within six weeks of the
    # last day the text was offered, and within three months of its first.
    "COUNTER_STATEMENT_WEEKS_AFTER_LAST_OFFERED": 6,
    "COUNTER_STATEMENT_MONTHS_AFTER_FIRST_OFFERED": 3,
    # "Unverzüglich" has no number in the statute: hours the desk gives itself
    # to publish or refuse a demand.
    "COUNTER_STATEMENT_DUE_HOURS": 24,
    # Days the desk gives itself to publish a public reprimand of the Press
    # Council (Pressekodex, Ziffer 16) from the decision's arrival.
    "REPRIMAND_DUE_DAYS": 14,
    # Where documents of press-law cases are kept, out of any web server's
    # reach (press_law/storage.py); "" : var/private beside BASE_DIR.
    "PRIVATE_ROOT": "",
    # How the desk's public pages meet the project's page cache (pages.py).
    "PAGE_CACHE": "correction_desk.pages.Pages",
}


def setting(name: str):
    return getattr(settings, f"CORRECTION_DESK_{name}", DEFAULTS[name])


def require_https() -> bool:
    required = setting("REQUIRE_HTTPS")
    return not settings.DEBUG if required is None else required


def site_name() -> str:
    """The publisher's name: the project's SITE_NAME."""
    return getattr(settings, "SITE_NAME", "")


def tag_uri(kind: str, pk) -> str:
    """A stable id (RFC 4151) that survives changes of headline, slug or host."""
    return f"tag:{setting('TAG_AUTHORITY')}:{kind}:{pk}"


def site_language() -> str:
    """The project's LANGUAGE_CODE as one of its LANGUAGES ("en" for "en-us")."""
    return translation.get_supported_language_variant(settings.LANGUAGE_CODE)


def language() -> str:
    """The language of this request as one of the project's LANGUAGES ("en"
    for "en-us"): what reports and notes are stored and filtered by."""
    return translation.get_supported_language_variant(translation.get_language())
