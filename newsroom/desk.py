"""Our articles on the corrections desk: the adapter `corrections` reaches them by.

`articles` knows nothing of corrections and `corrections` nothing of articles;
this module, where the project wires its apps, tells the desk what an article
is: its texts and its pictures' texts, its address, edition, section, versions
and page-cache keys, and how a fix becomes a new version.
"""

import html
from functools import partial

from django.db import transaction
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.html import strip_tags

import pagecache
from articles.models import Article, ArticleVersion, Picture, Section
from articles.services import (
    PICTURE_TEXT_FIELDS,
    TEXT_FIELDS,
    article_revise,
    fingerprint,
    picture_revise,
)
from articles.services import ConcurrentEdit as ArticleConcurrentEdit
from articles.text import reader_text
from articles.views import article_page_context
from correction_desk.adapters import (
    ConcurrentEdit,
    ContentAdapter,
    Fix,
    TextSource,
    Version,
)
from correction_desk.pages import Pages
from correction_desk.public import changed_at, public_notes
from correction_desk.record.machine import schema_note
from correction_desk.record.views import corrections_record
from correction_desk.registry import adapter_for
from correction_desk.services import (
    content_published,
    content_unpublished,
    version_published,
)
from correction_desk.transparency.memento import original_links
from newsroom import kept_urls
from newsroom.kept_urls import reverse
from pagecache import keys

# A picture's texts, and what a reader selects them as.
PICTURE_PARTS = {"caption": "caption", "credit": "credit", "alt_text": "alt_text"}


class SitePages(Pages):
    """The desk's public pages in the site's page cache and HTTP caches."""

    tag = staticmethod(pagecache.tag)
    public_page = staticmethod(pagecache.public_page)

    @staticmethod
    def purge(keys: list[str]) -> None:
        pagecache.purge(*keys)


class ArticleAdapter(ContentAdapter):
    text_fields = {"title": "title", "lead": "lead", "body": "body"}

    def queryset(self):
        return Article.objects.select_related("section")

    def title(self, article) -> str:
        return article.title

    def url(self, article) -> str:
        return article.get_absolute_url()

    def is_public(self, article) -> bool:
        return article.is_public

    def public(self, queryset):
        return queryset.published()

    def content_at(self, path: str):
        from django.conf import settings
        from django.urls import Resolver404, resolve

        try:
            match = resolve(path)
        except Resolver404:
            return None
        if match.view_name not in ("articles:detail", "detail"):
            return None
        language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
        return Article.objects.filter(
            slug=match.kwargs["slug"], language=language
        ).first()

    def shown_with(self, article) -> list:
        # Only a translation already read with the article: reading it here
        # would cost the query this saves.
        if Article.translation.is_cached(article):
            translated = article.translation
            if translated is not None and translated.is_public:
                return [translated]
        return []

    def language(self, article) -> str:
        return article.language

    def desk(self, article) -> str:
        return article.section.slug

    def desks(self) -> list[tuple[str, str]]:
        return list(Section.objects.values_list("slug", "name"))

    def desk_email(self, desk: str) -> str:
        return (
            Section.objects.filter(slug=desk)
            .values_list("desk_email", flat=True)
            .first()
            or ""
        )

    def matching(self, term: str):
        return Article.objects.filter(title__icontains=term)

    def texts(self, article) -> list[TextSource]:
        sources = super().texts(article)
        for picture in article.pictures_shown():
            sources += [
                TextSource(PICTURE_PARTS[name], name, picture, getattr(picture, name))
                for name in PICTURE_TEXT_FIELDS
            ]
        return sources

    def reader_text(self, article) -> str:
        body = html.unescape(strip_tags(article.body_html))
        return f"{article.title}\n{article.lead}\n{body}\n{article.picture_text}"

    def fingerprint(self, holder) -> str:
        return fingerprint(holder)

    def holder_fields(self, holder) -> list[str]:
        return list(PICTURE_TEXT_FIELDS if isinstance(holder, Picture) else TEXT_FIELDS)

    def holder(self, article, kind: str, pk):
        if kind != "picture":
            return None
        return next((p for p in article.pictures_shown() if p.pk == pk), None)

    def holder_shown_in(self, holder) -> list:
        return list(holder.shown_in())

    def revision(self, article) -> int:
        return article.revision

    def versions(self, article) -> list[Version]:
        return [
            Version(v.revision, v.valid_from, v.replaced_at, v.minor)
            for v in article.versions.only(
                "revision", "valid_from", "replaced_at", "minor"
            )
        ]

    def version_texts(self, article, revision: int) -> str | None:
        fields = Article.READER_VISIBLE_FIELDS
        if revision == article.revision:
            return reader_text(*(getattr(article, name) for name in fields))
        texts = (
            ArticleVersion.objects.filter(article=article, revision=revision)
            .values_list(*fields)
            .first()
        )
        return reader_text(*texts) if texts else None

    def versions_url(self, article, older=None, newer=None) -> str | None:
        with translation.override(article.language):
            path = reverse("articles:versions", args=[article.slug])
        if older is None:
            return path
        return f"{path}?from={older}&to={newer}"

    def surrogate_keys(self, article) -> list[str]:
        return [keys.article(article.pk)]

    def purge(self, article) -> None:
        pagecache.purge(*self.surrogate_keys(article))

    def listing_keys(self) -> list[str]:
        return [keys.front()]  # purged by every article that enters or leaves

    def apply_fix(self, article, holder, changes, *, editor, seen, minor) -> Fix:
        try:
            if isinstance(holder, Picture):
                showing = {each.pk: each.revision for each in holder.shown_in()}
                picture_revise(
                    picture=holder, editor=editor, changes=changes, seen=seen,
                    minor=minor,
                )  # fmt: skip
                others = [
                    each
                    for each in Article.objects.filter(pk__in=showing).exclude(
                        pk=article.pk
                    )
                    if each.revision != showing[each.pk]
                ]
                return Fix(Article.objects.get(pk=article.pk), others)
            article = article_revise(
                article=article, editor=editor, changes=changes, seen=seen,
                minor=minor,
            )  # fmt: skip
            return Fix(article)
        except ArticleConcurrentEdit as error:
            raise ConcurrentEdit(error.messages[0], code="concurrent_edit") from None

    def record(self, article) -> dict:
        return {"section": article.section.name, "revision": article.revision}

    def render_with_form(self, request, article, form, status, context):
        context = dict(context)
        template = context.pop("template", "articles/article_detail.html")
        # The full page is needed only to show the form again: what it shows now.
        article = Article.objects.for_page().get(pk=article.pk)
        page = {**article_page_context(article, request), "report_form": form}
        return render(request, template, {**page, **context}, status=status)


def corrections_in_article_data(article, request, data) -> list:
    """The article's notes in its structured data (schema.org `correction`),
    and the corrections policy; returns when the notes changed its page."""
    absolute = partial(kept_urls.absolute, request)
    data["publisher"]["correctionsPolicy"] = absolute(
        reverse("correction_desk:policy", language=article.language)
    )
    standing = [note for note in public_notes(article) if not note.withdrawn_at]
    # A withdrawn note no longer says the article was corrected; what press
    # law made us publish is a comment on it, not our correction.
    data["correction"] = [
        schema_note(note, absolute) for note in standing if note.is_editorial
    ]
    if legal := [schema_note(n, absolute) for n in standing if not n.is_editorial]:
        data["comment"] = legal
    return changed_at(article)


def article_corrections_record(request, slug):
    """One article's published notes, as JSON, at the article's address."""
    article = get_object_or_404(
        Article.objects.published().select_related("section"), slug=slug
    )
    return corrections_record(request, article)


def version_stored(sender, instance, created, **kwargs) -> None:
    """A published article's text was replaced: the desk hears of its new
    version once it is stored (drafts keep no versions)."""
    if not created:
        return
    article = instance.article

    def tell():
        if adapter_for(article).is_public(article):
            version_published(article, revision=article.revision)

    transaction.on_commit(tell)


def article_stored(sender, instance, created, **kwargs) -> None:
    """An article was saved: the desk hears whether the public reads it (its
    versions go into the transparency log, notes waiting for it go public) or
    no longer does (the log records that it left). In the save's transaction:
    the log holds what is stored, and the save's own purge covers its pages."""
    if adapter_for(instance).is_public(instance):
        content_published(instance)
    elif not created:
        content_unpublished(instance)


def memento_links(article, request) -> str:
    """The article page is a Memento original resource (RFC 7089)."""
    return original_links(request, article)
