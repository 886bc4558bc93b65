from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def site_name() -> str:
    """The site's name (settings.SITE_NAME), also where a page has no context."""
    return settings.SITE_NAME
