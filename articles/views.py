from functools import lru_cache

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

import pagecache
from newsroom.kept_urls import absolute
from newsroom.parsing import WholeNumberField
from newsroom.prepared import Prepared, prefetched
from pagecache import keys

from .context_processors import edition_links, menu_sections, navigation
from .markdown import render_markdown
from .models import Article, Author, Section
from .structured_data import (
    OPEN_GRAPH_LOCALES,
    article_data,
    json_ld_script,
    person,
)
from .version_diff import compare_versions


def can_preview(request) -> bool:
    """Return True if the visitor may see drafts and scheduled articles.

    An anonymous reader has no session cookie, and then the session is not touched:
    touching it would add `Vary: Cookie` and make public pages uncacheable.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_staff and request.user.has_perm("articles.view_article")


def in_edition():
    """The articles of the edition being shown: German at /, English at /en/."""
    return Article.objects.filter(language=get_language())


class ArticleListView(ListView):
    template_name = "articles/front.html"
    context_object_name = "articles"
    paginate_by = settings.NEWSROOM_ARTICLES_PER_PAGE

    def get_queryset(self):
        pagecache.tag(self.request, keys.front())
        pagecache.until(self.request, in_edition().next_publication())
        return in_edition().published().for_listing()


class SectionView(ArticleListView):
    template_name = "articles/section.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        pagecache.tag(self.request, keys.section(self.section.pk))
        in_section = in_edition().filter(section=self.section)
        pagecache.until(self.request, in_section.next_publication())
        return in_section.published().for_listing()

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
        pagecache.tag(
            self.request, keys.author(self.author.pk), keys.author_list(self.author.pk)
        )
        theirs = in_edition().filter(authors=self.author)
        pagecache.until(self.request, theirs.next_publication())
        return theirs.published().for_listing()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            author=self.author,
            json_ld=json_ld_script(person(self.author, self.request)),
            **kwargs,
        )


# Other apps add to an article page's `Link` header, wired by the project
# (newsroom/desk.py adds Memento's): each is called with the article and the
# request and returns link-values.
PAGE_LINKS: list = []


class InItsEdition:
    """An article's pages live in its own language's edition: asked for in the
    other one (/en/article/<a German article>/), they redirect there."""

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.language != get_language():
            with translation.override(self.object.language):
                path = reverse(request.resolver_match.view_name, kwargs=kwargs)
            query = request.GET.urlencode()
            return redirect(f"{path}?{query}" if query else path, permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))


class ArticleDetailView(InItsEdition, DetailView):
    context_object_name = "article"
    # A Jinja2 template (templates/jinja2/): not looked for in Django's first.
    template_engine = "jinja2"

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        links = [link(self.object, self.request) for link in PAGE_LINKS]
        if links:
            response["Link"] = ", ".join(links)
        return response

    def get_object(self, queryset=None):
        # Read on every request that misses the page cache, so its two queries'
        # SQL is built once per process (bench/RESULTS.md, section 3). Whether
        # the public may read it is checked here rather than in SQL, which also
        # keeps the query the same for every request.
        found = article_for_page(self.kwargs["slug"])
        if not found or not (found[0].is_public or can_preview(self.request)):
            raise Http404
        article = found[0]
        self.authors = authors_of(article.pk)
        prefetched(article, "authors", self.authors)
        return article

    def get_context_data(self, **kwargs):
        article = self.object
        page = article_page_context(article, self.request, self.authors)
        pagecache.tag(
            self.request,
            keys.article(article.pk),
            *(keys.author(author.pk) for author in page["authors"]),
            # It shows its translation's title, and what other apps add of it.
            *([keys.article(article.translation_id)] if article.translation_id else []),
        )
        return super().get_context_data(**page, **kwargs)


TRANSLATION_UNSHOWN = (
    "kicker", "lead", "body", "body_html", "lead_picture", "lead_picture_html",
    "picture_text", "section", "translation", "created_at", "updated_at",
    "revised_at", "revision",
)  # fmt: skip
article_for_page = Prepared(
    lambda slug: (
        Article.objects.for_page()
        .prefetch_related(None)
        # Of the translation, what its link, its notes and the structured data
        # show: each column read is a value converted on every request.
        .defer(*(f"translation__{name}" for name in TRANSLATION_UNSHOWN))
        .filter(slug=slug)
    )
)
authors_of = Prepared(lambda pk: Author.objects.filter(articles=pk))


def article_page_context(article, request, authors=None) -> dict:
    """What the article page shows besides the article: also used by the form.
    `authors`: the article's, where the caller has read them."""
    # Read once: each `article.authors` makes a new manager (22 µs).
    authors = list(article.authors.all()) if authors is None else authors
    data, modified = article_data(article, request, authors)
    translated = public_translation(article)
    return {
        "article": article,
        "authors": authors,
        "translated": translated,
        "translated_url": (
            absolute(request, translated.canonical_path()) if translated else ""
        ),
        # What Django's templates get from the context processor, which the
        # Jinja2 engine does not run (settings.TEMPLATES).
        **navigation(request),
        # Shown on every article page: read at once, not through a lazy value.
        "nav_sections": menu_sections(),
        "also_in": also_in(translated) if translated else "",
        "language_links": edition_links(article, translated, request.path),
        "current_section": article.section,
        "canonical_url": absolute(request, article.canonical_path()),
        "modified_at": modified,
        "og_locale": OPEN_GRAPH_LOCALES.get(article.language, article.language),
        "json_ld": json_ld_script(data),
        "og_image": data.get("image"),
    }


def also_in(translated) -> str:
    """'Also in English': the link to the translation, in its language."""
    return _also_in(translated.language)


# Per language: the catalogs are read once per process, and switching the
# language for one message cost as much as the rest of the link.
@lru_cache(maxsize=16)
def _also_in(language: str) -> str:
    name = get_language_info(language)["name_local"]
    with translation.override(language):
        return f"{_('Also in')} {name}"


class VersionParameters(forms.Form):
    """Which two versions to compare (`?from=1&to=3`); the newest two by default."""

    from_ = WholeNumberField(required=False)
    to = WholeNumberField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # "from" is a Python keyword, but it is the parameter readers' links carry.
        self.fields["from"] = self.fields.pop("from_")


def public_translation(article) -> Article | None:
    """The article's translation, if readers may read it."""
    translated = article.translation
    return translated if translated is not None and translated.is_public else None


class ArticleVersionsView(InItsEdition, DetailView):
    """The public history of an article's text, and what changed between two.

    Each correction note is listed at the version that carries its change. Only
    the two versions compared are read in full: a long history stays light.
    """

    context_object_name = "article"
    template_name = "articles/versions.html"

    def get_queryset(self):
        return Article.objects.published().select_related("section", "translation")

    def get_context_data(self, **kwargs):
        article = self.object
        pagecache.tag(self.request, keys.article(article.pk))
        earlier = list(
            article.versions.only("revision", "valid_from", "replaced_at", "minor")
        )
        newest = article.revision
        revisions = [v.revision for v in earlier] + [newest]
        older = self.revision("from", revisions, default=max(newest - 1, 1))
        newer = self.revision("to", revisions, default=newest)
        rows = version_rows(article, earlier)
        comparison = None
        if older != newer:
            texts = compared_texts(article, {older, newer})
            comparison = compare_versions(texts[older], texts[newer])
        labels = [
            _("Version %(number)d") % {"number": number} for number in (older, newer)
        ]
        return super().get_context_data(
            current_section=article.section,
            language_links=edition_links(
                article, public_translation(article), self.request.path
            ),
            rows=rows,
            revisions=revisions,
            older=older,
            newer=newer,
            summary=comparison.summary() if comparison else "",
            diff=comparison.as_html(*labels) if comparison else None,
            **kwargs,
        )

    def revision(self, name: str, revisions: list, default: int) -> int:
        """The version a parameter names; one the article never had is a 404."""
        value = self.request.page_parameters[name]
        if value is None:
            return default
        if value not in revisions:
            raise Http404
        return value


def version_rows(article, earlier) -> list[dict]:
    """The versions, oldest first: since when, and whether a minor change made it."""
    since = {v.revision: v.valid_from for v in earlier}
    since[article.revision] = article.revised_at or article.published_at
    # A version made by a minor change: the one it replaced says so.
    minor = {v.revision + 1 for v in earlier if v.minor}
    return [
        {
            "revision": revision,
            "since": since[revision],
            "current": revision == article.revision,
            "minor": revision in minor,
        }
        for revision in sorted(since)
    ]


def compared_texts(article, revisions: set) -> dict:
    """Headline, lead, body HTML and pictures' texts of the versions compared."""
    fields = ("title", "lead", "body_html", "picture_text")
    texts = {
        revision: (title, lead, body_html or render_markdown(body), pictures)
        for revision, title, lead, body_html, pictures, body in article.versions.filter(
            revision__in=revisions
        ).values_list("revision", *fields, "body")
    }
    texts[article.revision] = tuple(getattr(article, f) for f in fields)
    return texts
