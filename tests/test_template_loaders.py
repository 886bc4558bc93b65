"""Our page templates lose their indentation; nothing a page shows loses any."""

import re

import pytest

from correction_desk.tests.helpers import report_post, report_url

pytestmark = pytest.mark.django_db


def test_pages_carry_no_indentation_of_their_templates(client, make_article):
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    indented = [line for line in html.splitlines() if re.match(r"[ \t]+<", line)]
    assert indented == []


def test_indentation_in_what_the_page_shows_is_kept(client, make_article):
    code = "    def f():\n        return 1"
    article = make_article(body=f"Ein Beispiel:\n\n{code}\n\nEnde.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<pre><code>def f():\n    return 1\n</code></pre>" in html

    typed = "Erste Zeile\n    eingerückt, wie getippt"
    response = client.post(
        report_url(article), report_post(article, suggestion=typed, description="")
    )
    assert response.status_code == 400  # no description: the form comes back
    assert "\n    eingerückt, wie getippt</textarea>" in response.content.decode()
