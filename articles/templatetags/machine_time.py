"""Times for machines in pages: `datetime` attributes and meta tags."""

from datetime import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def machine_time(value) -> str:
    """An ISO 8601 time in whole seconds, as HTML's `datetime` attribute takes it.

    Django's `date:"c"` adds microseconds, which HTML does not allow there.
    """
    if not isinstance(value, datetime):
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()
