"""The Jinja2 environment of the templates in templates/jinja2/ (settings.TEMPLATES).

The article page and the header and footer every page shares are rendered on
every request that misses the page cache; Django's template engine spent
more on them than the rest of the request (bench/RESULTS.md, "The article
page in Jinja2"). Jinja2 compiles a template to Python once, so a page costs
what its values cost. The other pages, the admin and the e-mails stay in
Django's templates: they extend templates/base.html, which takes the shared
parts from here (newsroom/templatetags/site.py, `shared`).

What the templates call is named as in Django's: `_("…")` and `url('…')`,
`static('…')`, and the filters `date`, `truncatechars`, `truncatewords`,
`machine_time`. `makemessages` finds `{{ _("…") }}` as it finds
`{% translate "…" %}`; a message with values is written
`{{ _("… %(name)s …")|format(name=value) }}`, so that the msgid is the one
`{% blocktranslate %}` would have made.
"""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import get_language, get_language_info, gettext
from jinja2 import Environment, FileSystemLoader

from articles.templatetags.machine_time import machine_time
from newsroom.template_loaders import dedent


class DedentingLoader(FileSystemLoader):
    """Without the templates' indentation, as Django's loaders give ours
    (newsroom/template_loaders.py)."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return dedent(source), filename, uptodate


def url(name: str, *args, **kwargs) -> str:
    """`reverse()`, kept: a page asks for the same dozen addresses each time,
    and an address is the same for the same name, values, language, script
    prefix and URLconf (bench/RESULTS.md, section 13)."""
    return _reversed(
        name, args, tuple(kwargs.items()), get_language(), get_script_prefix(),
        get_urlconf(),
    )  # fmt: skip


@lru_cache(maxsize=4096)
def _reversed(name, args, kwargs, language, prefix, urlconf) -> str:
    return reverse(name, args=args or None, kwargs=dict(kwargs) or None)


def static_url(path: str) -> str:
    """`static()`, kept: the same for the same file while the process runs,
    as the manifest of collected files it reads."""
    return _static(path)


_static = lru_cache(maxsize=256)(static)


@receiver(setting_changed)
def _forget(**kwargs):
    # Tests change the URLconf and the static files' settings, never a server.
    _reversed.cache_clear()
    _static.cache_clear()


def date(value, format_name=None) -> str:
    # Django's filter is given the time in the current time zone, as there.
    return defaultfilters.date(timezone.template_localtime(value), format_name)


def environment(**options) -> Environment:
    options["loader"] = DedentingLoader(options["loader"].searchpath)
    # As Django keeps them: the same parts give the same bytes on both engines.
    options["keep_trailing_newline"] = True
    env = Environment(**options)
    env.globals.update(
        _=gettext,
        url=url,
        static=static_url,
        language_info=get_language_info,
    )
    env.filters.update(
        date=date,
        machine_time=machine_time,
        truncatechars=defaultfilters.truncatechars,
        truncatewords=defaultfilters.truncatewords,
    )
    return env
