from django import template
from django.conf import settings
from django.template import engines
from django.utils.safestring import mark_safe

from newsroom import kept_parts

register = template.Library()


@register.simple_tag
def site_name() -> str:
    """The site's name (settings.SITE_NAME), also where a page has no context."""
    return settings.SITE_NAME


@register.simple_tag(takes_context=True)
def shared(context, name: str) -> str:
    """`{% shared "includes/header.html" %}`: a part every page shows (head
    links, header, footer), written once, in templates/jinja2/, for the pages of both
    template engines (newsroom/jinja_environment.py)."""
    html = engines["jinja2"].get_template(name).render(context.flatten())
    return mark_safe(html)  # noqa: S308 (rendered by Jinja2 with autoescape on)


@register.simple_tag
def kept_part(name: str) -> str:
    """`{% kept_part "includes/footer.html" %}`: a part every page in a language
    shows alike, rendered once (newsroom/kept_parts.py)."""
    return mark_safe(kept_parts.kept_part(name))  # noqa: S308 (as `shared`)
