"""Times in `datetime` attributes are valid HTML: whole seconds, with the offset."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from articles.templatetags.machine_time import machine_time

pytestmark = pytest.mark.django_db


def test_microseconds_are_dropped_and_the_offset_kept():
    moment = datetime(2026, 12, 1, 9, 5, 7, 123456, tzinfo=ZoneInfo("UTC"))
    assert machine_time(moment) == "2026-12-01T10:05:07+01:00"


VALID = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d"


def test_every_time_on_the_article_pages_is_valid_html(client, make_article):
    article = make_article()  # made now: its times have microseconds
    html = client.get("/").text + client.get(article.get_absolute_url()).text
    stamps = re.findall(r'datetime="([^"]+)"', html)
    assert len(stamps) >= 2
    for stamp in stamps:
        assert re.fullmatch(VALID, stamp)
