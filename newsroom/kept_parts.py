"""The parts of the pages that every page in one language shows alike.

The links in the head, the footer and the box "corrected since you read it"
read nothing of the page they are on: only the site's name, the language and
addresses, which depend on the language, the script prefix and the URLconf.
Rendered on every request, they took the article's render from 7.96 to 9.03
million instructions (bench/RESULTS.md, "The render a fifth lighter"); each is
rendered once per process for each of those, which is its key. A test fails
when such a part reads anything else (tests/test_shared_parts.py). A template
changed on disk is another template object, so it is rendered anew where Jinja2
reloads templates (DEBUG).
"""

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import engines
from django.urls import get_script_prefix, get_urlconf
from django.utils.translation import get_language
from markupsafe import Markup

KEPT_PARTS = (
    "includes/head.html",
    "includes/footer.html",
    "includes/corrected_since.html",
)
# What such a part may read besides the environment's functions.
VALUES = {"site_name"}


def kept_part(name: str) -> Markup:
    """One of KEPT_PARTS, as the current language, script prefix and URLconf
    have it."""
    if name not in KEPT_PARTS:
        raise ValueError(f"{name} is not a part kept for every page")
    template = engines["jinja2"].env.get_template(name)
    return Markup(
        _rendered(template, get_language(), get_script_prefix(), get_urlconf())
    )


@lru_cache(maxsize=64)
def _rendered(template, language, prefix, urlconf) -> str:
    return template.render(site_name=settings.SITE_NAME)


@receiver(setting_changed)
def _forget(**kwargs):
    # Tests change the site's name and the URLconf, never a server.
    _rendered.cache_clear()
