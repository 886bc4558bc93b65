"""What the forms allow is what the servers answer, and what they do not allow
gets our own page: search periods the index cannot serve, overlong addresses."""

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
import time_machine
from django.conf import settings

from newsroom.server import MAX_HEADER_BYTES
from search.text import MAX_TYPED_CHARACTERS

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
REQUEST_LINE_EXTRA = len("GET  HTTP/1.1\r\n")


def test_the_site_answers_before_the_servers_in_front_refuse():
    app_server = MAX_HEADER_BYTES  # newsroom/server.py
    nginx_conf = (ROOT / "deploy" / "nginx" / "proxy.conf").read_text()
    nginx_kb = int(
        re.search(r"large_client_header_buffers\s+\d+\s+(\d+)k;", nginx_conf)[1]
    )
    varnish = 8192  # http_req_hdr_len, Varnish's default; deploy/ keeps it
    longest_answered = settings.NEWSROOM_MAX_ADDRESS_BYTES + REQUEST_LINE_EXTRA
    assert longest_answered < min(app_server, nginx_kb * 1024, varnish)


def test_every_search_field_takes_no_more_than_the_site_answers(client):
    for page in ("/", "/suche/"):
        fields = re.findall(r'<input[^>]*name="q"[^>]*>', client.get(page).text)
        assert fields
        for field in fields:
            assert f'maxlength="{MAX_TYPED_CHARACTERS}"' in field


@pytest.mark.parametrize("path", ["/suche/", "/en/search/"])
def test_the_longest_search_a_form_makes_is_answered(client, make_section, path):
    make_section(slug="x" * 40)
    query = urlencode(
        {
            "q": "\U0001f600" * MAX_TYPED_CHARACTERS,  # 12 bytes each, encoded
            "section": "x" * 40,
            "from": "2026-01-01",
            "to": "2026-12-31",
        }
    )
    address = f"{path}?{query}"
    assert len(address.encode()) <= settings.NEWSROOM_MAX_ADDRESS_BYTES
    assert client.get(address).status_code == 200


def test_an_overlong_address_gets_our_own_page_in_german(client):
    answer = client.get("/suche/", {"q": "ä" * 700})
    assert answer.status_code == 414
    assert "Diese Adresse ist zu lang" in answer.text
    assert answer.headers["Content-Security-Policy"]
    english = client.get("/en/search/", {"q": "ä" * 700})
    assert english.status_code == 414 and "This address is too long" in english.text


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("to", "1989-12-31"),
        ("to", "31.12.1989"),
        ("from", "2040-01-01"),
        ("to", "9999-12-31"),
        ("from", "0001-01-01"),
    ],
)
def test_a_period_the_search_cannot_serve_is_explained_in_german(
    client, make_article, parameter, value
):
    make_article(title="Haushalt beschlossen")
    with time_machine.travel("2026-11-18 12:00 +01:00", tick=False):
        answer = client.get("/suche/", {"q": "Haushalt", parameter: value})
    assert answer.status_code == 200
    assert "Bitte geben Sie einen Tag zwischen dem 01.01.1990 und dem" in answer.text
    assert 'value="Haushalt"' in answer.text  # nothing typed is lost


def test_the_last_day_in_reach_still_searches(client, make_article):
    with time_machine.travel("2026-11-18 12:00 +01:00", tick=False):
        make_article(title="Haushalt beschlossen")
        answer = client.get("/suche/", {"q": "Haushalt", "to": "2036-11-18"})
    assert answer.status_code == 200
    assert "<mark>Haushalt</mark> beschlossen" in answer.text
