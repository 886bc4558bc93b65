"""The parts of the pages that every page in one language shows alike.

The links in the head, the footer, the box "corrected since you read it" and
the header's name and search read nothing of the page they are on: only the
site's name, the language and addresses, which depend on the language, the
script prefix and the URLconf. The section menu reads only the sections' rows
and which one is the page's, which it is given as plain values. Rendered on
every request, the first three took the article's render from 7.96 to 9.03
million instructions (bench/RESULTS.md, "The render a fifth lighter"); each is
rendered once per process for each of those and its values, which are its key.
A test fails when such a part reads anything else (tests/test_shared_parts.py).
The menu is read from the database on every render and its rows are the key,
so a section renamed, even behind Django's back, shows at the next render. A
template changed on disk is another template object, so it is rendered anew
where Jinja2 reloads templates (DEBUG).
"""

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import engines
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language
from markupsafe import Markup

# Each part, and the names of the values it is given (plain, hashable data).
KEPT_PARTS = {
    "includes/head.html": frozenset(),
    "includes/footer.html": frozenset(),
    "includes/corrected_since.html": frozenset(),
    "includes/site_search.html": frozenset(),
    "includes/section_nav.html": frozenset({"sections", "current"}),
}
PLAIN = frozenset({str, int, float, bool, type(None)})
# What such a part may read besides the environment's functions and its values.
VALUES = {"site_name"}


def kept_part(name: str, **values) -> Markup:
    """One of KEPT_PARTS, as the current language, script prefix and URLconf
    have it, for its `values`."""
    if name not in KEPT_PARTS:
        raise ValueError(f"{name} is not a part kept for every page")
    if values.keys() != KEPT_PARTS[name]:
        given = ", ".join(sorted(KEPT_PARTS[name])) or "nothing"
        raise ValueError(f"{name} is given {given}")
    template = engines["jinja2"].env.get_template(name)
    return Markup(
        _rendered(
            template, get_language(), get_script_prefix(), get_urlconf(),
            tuple(sorted((key, _frozen(value)) for key, value in values.items())),
        )
    )  # fmt: skip


def _frozen(value):
    """A part's value as a key: lists of rows as tuples. Anything but plain
    values is refused, such as a model instance, which would be one key for
    every content of its row."""
    if type(value) in PLAIN:
        return value
    if isinstance(value, list | tuple):
        return tuple(map(_frozen, value))
    raise TypeError(f"a kept part is given plain values, not {type(value).__name__}")


# A section menu per section page and language, each renamed section's too.
@lru_cache(maxsize=256)
def _rendered(template, language, prefix, urlconf, values) -> str:
    return template.render(site_name=settings.SITE_NAME, **dict(values))


@receiver(setting_changed)
def _forget(**kwargs):
    # Tests change the site's name and the URLconf, never a server.
    _rendered.cache_clear()
