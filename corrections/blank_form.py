"""The report form under an article, rendered by crispy-forms once per article.

Rendering the form field by field through crispy-forms' templates cost as much as
the rest of the article page together (bench/RESULTS.md). A blank form differs
only by language, article (its address and revision) and stamp, so each process
renders it once for those and puts a fresh stamp into the copy. The key holds
every input of the render, so a copy can never be out of date; code and
templates change only with a restart, which empties it.
"""

from functools import lru_cache

from crispy_forms.utils import render_crispy_form
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from articles.models import Article

from .forms import ReportForm
from .stamps import make_stamp

# Letters only: HTML escaping leaves it as it is, so it is found in the output.
STAMP_PLACEHOLDER = "newsroomstampplaceholder"


def blank_form_html(article: Article) -> SafeString:
    html = _render(get_language(), article.pk, article.slug, article.revision)
    return mark_safe(html.replace(STAMP_PLACEHOLDER, make_stamp(article), 1))  # noqa: S308 (crispy's own output, escaped)


@lru_cache(maxsize=1024)
def _render(language: str, pk: int, slug: str, revision: int) -> str:
    article = Article(pk=pk, slug=slug, revision=revision)
    form = ReportForm(
        article, initial={"stamp": STAMP_PLACEHOLDER, "article_revision": revision}
    )
    html = render_crispy_form(form)
    assert html.count(STAMP_PLACEHOLDER) == 1
    return html
