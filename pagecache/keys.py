"""The names of what public pages show: the site's surrogate keys.

A page says what it shows with these (`pagecache.tag(request, keys.article(12))`)
and a service that changes something purges the same (`pagecache.purge(...)`),
so a key is spelt in one place. (The corrections desk, an app of its own, names
its pages' keys in correction_desk/pages.py.) They travel in the `xkey` header
to Varnish and in `Surrogate-Key` to CDNs, space-separated: no spaces in a key.
"""


def site() -> str:
    """On every page: purged when everything changes at once (the demo loaded)."""
    return "site"


def sections() -> str:
    """On every page: the navigation names the sections."""
    return "sections"


def front() -> str:
    """Lists of public articles (front page, search results, the corrections
    log): any article entering, leaving or changing in them."""
    return "front"


def article(pk) -> str:
    """An article's own page, and its translation's, which links to it."""
    return f"article-{pk}"


def section(pk) -> str:
    """A section's page: the articles in it, its name and description."""
    return f"section-{pk}"


def author(pk) -> str:
    """An author's name and bio, on their page and their articles' pages."""
    return f"author-{pk}"


def author_list(pk) -> str:
    """The list of an author's articles, on their page."""
    return f"author-list-{pk}"


EVERY_PAGE = (site(), sections())
