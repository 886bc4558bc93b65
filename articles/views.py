from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from newsroom.parsing import WholeNumberField

from . import surrogate
from .diff import word_diff
from .models import Article, Author, Section
from .structured_data import (
    OPEN_GRAPH_LOCALES,
    json_ld_script,
    modified_at,
    news_article,
    person,
)
from .text import reader_text


def can_preview(request) -> bool:
    """Return True if the visitor may see drafts and scheduled articles.

    An anonymous reader has no session cookie, and then the session is not touched:
    touching it would add `Vary: Cookie` and make public pages uncacheable.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_staff and request.user.has_perm("articles.view_article")


class ArticleListView(ListView):
    template_name = "articles/front.html"
    context_object_name = "articles"
    paginate_by = settings.NEWSROOM_ARTICLES_PER_PAGE

    def get_queryset(self):
        surrogate.tag(self.request, "front")
        surrogate.until(self.request, Article.objects.next_publication())
        return Article.objects.published().for_listing()


class SectionView(ArticleListView):
    template_name = "articles/section.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        surrogate.tag(self.request, f"section-{self.section.pk}")
        in_section = Article.objects.filter(section=self.section)
        surrogate.until(self.request, in_section.next_publication())
        return Article.objects.published().for_listing().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section, current_section=self.section, **kwargs
        )


class AuthorView(ArticleListView):
    """An author: name, short biography and their articles, newest first."""

    template_name = "articles/author.html"

    def get_queryset(self):
        self.author = get_object_or_404(Author, slug=self.kwargs["slug"])
        # Their name and bio (author-N), and the list of their articles.
        surrogate.tag(
            self.request, f"author-{self.author.pk}", f"author-list-{self.author.pk}"
        )
        theirs = Article.objects.filter(authors=self.author)
        surrogate.until(self.request, theirs.next_publication())
        return Article.objects.published().for_listing().filter(authors=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            author=self.author,
            json_ld=json_ld_script(person(self.author, self.request)),
            **kwargs,
        )


class ArticleDetailView(DetailView):
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.for_page()

    def get_object(self, queryset=None):
        # Whether the public may read it is checked here rather than in SQL: the
        # query is then one filter shorter, which the ORM builds noticeably faster.
        article = super().get_object(queryset)
        if not article.is_public and not can_preview(self.request):
            raise Http404
        return article

    def get_context_data(self, **kwargs):
        article = self.object
        surrogate.tag(
            self.request,
            f"article-{article.pk}",
            *(f"author-{author.pk}" for author in article.authors.all()),
        )
        return super().get_context_data(
            **article_page_context(article, self.request), **kwargs
        )


def article_page_context(article, request) -> dict:
    """What the article page shows besides the article: also used by the form."""
    data = news_article(article, request)
    return {
        "article": article,
        "current_section": article.section,
        "canonical_url": request.build_absolute_uri(article.canonical_path()),
        "modified_at": modified_at(article),
        "og_locale": OPEN_GRAPH_LOCALES.get(article.language, article.language),
        "json_ld": json_ld_script(data),
        "og_image": data.get("image"),
    }


class VersionParameters(forms.Form):
    """Which two versions to compare (`?from=1&to=3`); the newest two by default."""

    from_ = WholeNumberField(required=False)
    to = WholeNumberField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, but it is the parameter readers' links carry.
        self.fields["from"] = self.fields.pop("from_")


class ArticleVersionsView(DetailView):
    """The public history of an article's text, and what changed between two."""

    context_object_name = "article"
    template_name = "articles/versions.html"

    def get_queryset(self):
        return Article.objects.published().select_related("section")

    def get_context_data(self, **kwargs):
        article = self.object
        surrogate.tag(self.request, f"article-{article.pk}")
        versions = list(
            article.versions.select_related("correction_note").only(
                "revision", "title", "lead", "body", "picture_text", "valid_from",
                "replaced_at",
                "correction_note__kind", "correction_note__published_at",
                "correction_note__article_id",
            )
        )  # fmt: skip
        fields = Article.READER_VISIBLE_FIELDS
        texts = {
            v.revision: reader_text(*(getattr(v, f) for f in fields)) for v in versions
        }
        texts[article.revision] = reader_text(*(getattr(article, f) for f in fields))
        newest = article.revision
        older = self.revision("from", texts, default=max(newest - 1, 1))
        newer = self.revision("to", texts, default=newest)
        return super().get_context_data(
            current_section=article.section,
            versions=versions,
            revisions=sorted(texts),
            older=older,
            newer=newer,
            diff=word_diff(texts[older], texts[newer]) if older != newer else None,
            **kwargs,
        )

    def revision(self, name: str, texts: dict, default: int) -> int:
        """The version a parameter names; one the article never had is a 404."""
        value = self.request.page_parameters[name]
        if value is None:
            return default
        if value not in texts:
            raise Http404
        return value
