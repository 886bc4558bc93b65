"""How long ago a report came in, said one way throughout the desk.

Django's naturaltime mixes its forms in German ("vor 20 Stunden" but
"2 Tage, 2 Stunden her"); the queue is read by comparing rows, so every row
says "vor …" in one unit: minutes within the hour, hours within two days (the
desk's deadlines are in hours), then days; past a month, the date, which says
more than a count of days.
"""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import npgettext, pgettext

MINUTE, HOUR, DAY = 60, 3600, 86400
MONTH = 31 * DAY


def received_ago(moment: datetime, now: datetime | None = None) -> str:
    seconds = max(0, int(((now or timezone.now()) - moment).total_seconds()))
    if seconds < MINUTE:
        return pgettext("received", "just now")
    if seconds < HOUR:
        count = seconds // MINUTE
        text = npgettext(
            "received", "%(count)d minute ago", "%(count)d minutes ago", count
        )
    elif seconds < 2 * DAY:
        count = seconds // HOUR
        text = npgettext("received", "%(count)d hour ago", "%(count)d hours ago", count)
    elif seconds >= MONTH:
        return pgettext("received", "on %(date)s") % {
            "date": date_format(timezone.localtime(moment), "DATE_FORMAT")
        }
    else:
        count = seconds // DAY
        text = npgettext("received", "%(count)d day ago", "%(count)d days ago", count)
    return text % {"count": count}
