"""The report form under each article: rendered by crispy-forms once per article,
language and revision, and still a form of its own for every page."""

import html
import re
from datetime import timedelta

import pytest
import time_machine
from crispy_forms.utils import render_crispy_form
from django.utils import timezone, translation

from articles.services import article_save
from correction_desk.intake import blank_form
from correction_desk.intake.forms import ReportForm
from correction_desk.intake.stamps import stamp_spam_reason
from correction_desk.tests.helpers import report_post, report_url

pytestmark = pytest.mark.django_db


def hidden(page: str, name: str) -> str:
    return html.unescape(re.search(rf'name="{name}" value="([^"]*)"', page)[1])


def fresh_page(desk, article) -> str:
    """The article as rendered for this request (editors are never served a copy)."""
    return desk.get(article.get_absolute_url()).text


def test_every_page_carries_its_own_stamp_for_its_article(desk, article):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        first = hidden(fresh_page(desk, article), "stamp")
        clock.shift(timedelta(minutes=1))
        second = hidden(fresh_page(desk, article), "stamp")
        clock.shift(timedelta(minutes=1))
        assert first != second
        # Each is a stamp of our own, for this article, from its render.
        assert stamp_spam_reason(first, article) == ""
        assert stamp_spam_reason(second, article) == ""


def test_the_form_is_the_one_crispy_forms_renders(desk, article):
    page = fresh_page(desk, article)
    form = ReportForm(article, initial={"stamp": "X", "article_revision": 1})
    expected = render_crispy_form(form)
    stamp = hidden(page, "stamp")
    assert expected.replace('value="X"', f'value="{stamp}"') in page


def test_after_an_edit_the_form_names_the_new_revision(desk, article):
    before = hidden(fresh_page(desk, article), "article_revision")
    article.body += "\n\nEin neuer Absatz."
    article_save(article)
    article.refresh_from_db()
    after = hidden(fresh_page(desk, article), "article_revision")
    assert int(after) == article.revision == int(before) + 1


def test_the_english_page_has_the_english_form(desk, article, make_article):
    german = fresh_page(desk, article)
    in_english = make_article(language="en")
    with translation.override("en"):
        english = desk.get(in_english.get_absolute_url()).text
    assert "Meldung senden" in german
    assert "Send report" in english and "Meldung senden" not in english


def test_a_form_with_errors_is_rendered_afresh(client, article):
    response = client.post(
        report_url(article), report_post(article, description="", passage="Wörtlich")
    )
    assert response.status_code == 400
    assert "Wörtlich" in response.text
    assert blank_form.STAMP_PLACEHOLDER not in response.text


def test_an_article_rendered_afresh_takes_a_fixed_few_queries(
    client, article, make_author, editor, django_assert_num_queries
):
    from correction_desk.models import CorrectionNote

    def render(queries):
        with django_assert_num_queries(queries):
            return client.get(article.get_absolute_url())

    render(4)  # article, authors, notes, and the sections of the menu
    for number in range(5):
        article.authors.add(make_author(name=f"Autorin {number}"))
        CorrectionNote.objects.create(
            content=article, kind="correction", text=f"Vermerk {number}",
            created_by=editor, published_at=article.published_at,
        )  # fmt: skip
    article_save(article)  # purges the page: the next read renders it
    # The same four, however many authors and notes it shows.
    response = render(4)
    assert "Vermerk 4" in response.text and "Autorin 4" in response.text
