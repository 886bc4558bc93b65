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

import unicodedata

from django.template import defaultfilters
from django.utils import timezone
from django.utils.text import add_truncation_text, calculate_truncate_chars_length
from django.utils.translation import get_language_info, gettext
from jinja2 import Environment, FileSystemLoader

from articles.templatetags.machine_time import machine_time
from newsroom import kept_urls
from newsroom.kept_parts import kept_part
from newsroom.template_loaders import dedent


class DedentingLoader(FileSystemLoader):
    """Without the templates' indentation, as Django's loaders give ours
    (newsroom/template_loaders.py)."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        return dedent(source), filename, uptodate


def url(name: str, *args, **kwargs) -> str:
    """`reverse()`, kept (newsroom/kept_urls.py)."""
    return kept_urls.reverse(name, args, kwargs)


def truncatechars(value, length):
    """Django's filter, which looks at the characters of the whole text one by
    one in Python, even when it is shorter than the limit, as an article's lead
    is, or has no combining marks, as most text has."""
    if isinstance(length, int) and length > 0 and type(value) is str:
        text = unicodedata.normalize("NFC", value)
        # No more characters than the limit: Django's gives this text as it is.
        if len(text) <= length:
            return text
        # Every character counts: Django's cuts where its count reaches the
        # limit less the ellipsis.
        if not any(map(unicodedata.combining, text)):
            cut = calculate_truncate_chars_length(length, None)
            return add_truncation_text(text[:cut])
    return defaultfilters.truncatechars(value, length)


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
        static=kept_urls.static,
        kept_part=kept_part,
        language_info=get_language_info,
    )
    env.filters.update(
        date=date,
        machine_time=machine_time,
        truncatechars=truncatechars,
        truncatewords=defaultfilters.truncatewords,
    )
    return env
