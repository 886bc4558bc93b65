"""Changes to articles, sections, authors and pictures: the one way each is
stored, by the admin, the desk and the commands alike.

Each service saves, keeps what the save implies (the version readers saw, the
translation links, a picture's articles) and says which public pages went stale
(`pagecache.purge`); a model's save() only saves.
"""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import pagecache
from newsroom.tasks import enqueue_on_commit
from pagecache import keys

from . import pictures
from .models import Article, ArticleVersion, Author, Picture, Section
from .slugs import unique_slug
from .text import reader_text

TEXT_FIELDS = ("title", "lead", "body")
# What readers read of a picture: each a part of every article that shows it.
PICTURE_TEXT_FIELDS = ("caption", "credit", "alt_text")


class ConcurrentEdit(ValidationError):
    """Someone changed the article's text since the editor opened it."""


def text_fingerprint(article: Article) -> str:
    """Identify the text an editor is looking at, to notice a change by another."""
    text = "\x1f".join(getattr(article, name) for name in TEXT_FIELDS)
    return hashlib.sha256(text.encode()).hexdigest()


def picture_fingerprint(picture: Picture) -> str:
    """Identify a picture's texts, as `text_fingerprint` an article's."""
    text = "\x1f".join(getattr(picture, name) for name in PICTURE_TEXT_FIELDS)
    return hashlib.sha256(text.encode()).hexdigest()


def fingerprint(owner: Article | Picture) -> str:
    """The fingerprint of an article's text, or of a picture's."""
    if isinstance(owner, Picture):
        return picture_fingerprint(owner)
    return text_fingerprint(owner)


def picture_revise(
    *,
    picture: Picture,
    editor,
    changes: dict[str, str],
    seen: str | None = None,
    minor: bool = False,
) -> Picture:
    """Save a picture's new caption, credit or alt text.

    Every article showing the picture is saved with it, so each published one
    keeps the version its readers saw, changed by `editor`. `seen` as in
    `article_revise`.
    """
    unknown = set(changes) - set(PICTURE_TEXT_FIELDS)
    if unknown:
        raise ValueError(f"not picture texts: {sorted(unknown)}")
    with transaction.atomic():
        current = Picture.objects.select_for_update().get(pk=picture.pk)
        if seen is not None and picture_fingerprint(current) != seen:
            raise ConcurrentEdit(
                _(
                    "The picture's text was changed by someone else since you "
                    "opened this page. Nothing was saved: check it as it reads now."
                ),
                code="concurrent_edit",
            )
        for name, value in changes.items():
            setattr(current, name, value)
        current.full_clean(exclude=["image"])
        picture_save(current, editor=editor, minor=minor)
    return current


def article_revise(
    *,
    article: Article,
    editor,
    changes: dict[str, str],
    seen: str | None = None,
    minor: bool = False,
) -> Article:
    """Save new text for headline, lead or body; a new public version if it shows.

    `seen` is the fingerprint of the text the editor started from: if the stored
    text is another by now, nothing is saved and ConcurrentEdit says so, so that
    nobody's edit is overwritten unseen. The version this save replaces records
    `editor` as the one who changed it, and whether the change was `minor`.
    """
    unknown = set(changes) - set(TEXT_FIELDS)
    if unknown:
        raise ValueError(f"not text fields: {sorted(unknown)}")
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if seen is not None and text_fingerprint(current) != seen:
            raise ConcurrentEdit(
                _(
                    "The article was changed by someone else since you opened this "
                    "page. Nothing was saved: check the text as it reads now."
                ),
                code="concurrent_edit",
            )
        for name, value in changes.items():
            setattr(current, name, value)
        current.full_clean(exclude=["slug"])
        article_save(current, editor=editor, minor=minor)
    return current


def article_publish(*, article: Article, editor=None) -> bool:
    """Make a draft public (now, or at its scheduled time); False if it was.

    Publishing and unpublishing always go through `article_save`, never
    update(): the page caches hear of it there, and the search index and WebSub
    hear of the save.
    """
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if current.status == Article.Status.PUBLISHED:
            return False
        current.status = Article.Status.PUBLISHED
        current.published_at = current.published_at or timezone.now()
        article_save(current, editor=editor)
    return True


def article_unpublish(*, article: Article, editor=None) -> bool:
    """Take a published article back to the drafts; False if it was not public."""
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if current.status != Article.Status.PUBLISHED:
            return False
        current.status = Article.Status.DRAFT
        article_save(current, editor=editor)
    return True


def article_save(article: Article, *, editor=None, minor=False) -> Article:
    """Store an article as an editor left it.

    A headline gives it its slug, publishing its date; its body is rendered with
    its pictures. If readers saw the text it replaces and will notice the
    change, that text is kept as a version, changed by `editor` (`minor`: a
    minor change). A translation is linked on both articles. Then the pages that
    show it, list it or link to it are purged.
    """
    if not article.slug:
        others = Article.objects.exclude(pk=article.pk)
        article.slug = unique_slug(
            article.title, lambda s: others.filter(slug=s).exists(), max_length=200
        )
    if article.status == Article.Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    article.render_pictures()
    # The previous version and the change are stored together, or neither is.
    with transaction.atomic():
        section_before = (
            Article.objects.filter(pk=article.pk)
            .values_list("section_id", flat=True)
            .first()
        )
        previous = _version_readers_saw(article, editor)
        if previous is not None:
            previous.minor = minor
            article.revision = previous.revision + 1
            article.revised_at = previous.replaced_at
        _unlink_translations(article)
        article.save()
        if article.translation_id:
            Article.objects.filter(pk=article.translation_id).update(
                translation=article.pk
            )
        if previous is not None:
            previous.save()
        pagecache.purge(*_article_keys(article, section_before))
    return article


def _article_keys(article: Article, section_before=None) -> list[str]:
    """Its page, its section's list (and the one it left), the front page, its
    authors' lists and its translation's page, which shows its title and notes."""
    found = [keys.article(article.pk), keys.section(article.section_id), keys.front()]
    if section_before and section_before != article.section_id:
        found.append(keys.section(section_before))
    found += [
        keys.author_list(pk)
        for pk in Article.authors.through.objects.filter(
            article_id=article.pk
        ).values_list("author_id", flat=True)
    ]
    if article.translation_id:
        found.append(keys.article(article.translation_id))
    return found


def article_set_authors(article: Article, authors) -> None:
    with transaction.atomic():
        before = set(article.authors.values_list("pk", flat=True))
        article.authors.set(authors)
        article_authors_changed(article, before)


def article_authors_changed(article: Article, before: set[int]) -> None:
    """After the authors of `article` were set: the lists of those who joined
    or left, and its page (it names them)."""
    after = set(article.authors.values_list("pk", flat=True))
    pagecache.purge(
        keys.article(article.pk), *(keys.author_list(pk) for pk in before ^ after)
    )


def article_delete(article: Article) -> None:
    with transaction.atomic():
        stale = _article_keys(article)
        article.delete()
        pagecache.purge(*stale)


def section_save(section: Section) -> Section:
    with transaction.atomic():
        section.save()
        # Every page's navigation names the sections.
        pagecache.purge(keys.sections(), keys.section(section.pk))
    return section


def section_delete(section: Section) -> None:
    with transaction.atomic():
        stale = [keys.sections(), keys.section(section.pk)]
        section.delete()
        pagecache.purge(*stale)


def author_save(author: Author) -> Author:
    with transaction.atomic():
        author.save()
        pagecache.purge(keys.author(author.pk))
    return author


def author_delete(author: Author) -> None:
    with transaction.atomic():
        stale = [keys.author(author.pk), keys.author_list(author.pk)]
        stale += [
            keys.article(pk) for pk in author.articles.values_list("pk", flat=True)
        ]
        author.delete()
        pagecache.purge(*stale)


def picture_save(
    picture: Picture, *, editor=None, minor=False, render_now=False
) -> Picture:
    """Store a picture: a new file is stripped of its metadata and rendered, and
    every article showing it is stored again (a changed caption is a new
    version of each, changed by `editor`).

    Renditions are the task worker's where one runs, unless `render_now` (a
    command such as load_demo, which no reader waits for)."""
    new_file = picture.image and not picture.image._committed
    if new_file:
        clean, picture.width, picture.height = pictures.without_metadata(picture.image)
        picture.image.save(clean.name, clean, save=False)
    with transaction.atomic():
        picture.save()
        if new_file or not picture.renditions:
            if pictures.renders_later() and not render_now:
                # A web worker serving readers only decoded the upload, reduced:
                # renditions are the task worker's (pictures.py).
                enqueue_on_commit(pictures.render_later, picture.pk)
            else:
                picture.make_renditions()
        for article in picture.shown_in():
            article_save(article, editor=editor, minor=minor)
    return picture


def picture_render(picture: Picture) -> None:
    """Make the renditions now, and show them where the picture is shown."""
    with transaction.atomic():
        picture.make_renditions()
        for article in picture.shown_in():
            article_save(article)


def _unlink_translations(article: Article) -> None:
    """Before linking: the old partners of both articles are let go.

    By update(), which sends no signal: their pages carry this article's key or
    the new partner's, and are purged with them (`_article_keys`).
    """
    left = Article.objects.none()
    if article.pk:
        left = Article.objects.filter(translation_id=article.pk).exclude(
            pk=article.translation_id
        )
    if article.translation_id:
        left = left | Article.objects.filter(
            translation_id=article.translation_id
        ).exclude(pk=article.pk)
    left.update(translation=None)


def _version_readers_saw(article: Article, editor) -> ArticleVersion | None:
    """The version this save replaces, if readers saw it and will notice.

    Only headline, lead and body count, and only changes to their words:
    spacing or Markdown formatting alone does not make a new version.
    """
    if article.pk is None:
        return None
    fields = Article.READER_VISIBLE_FIELDS
    stored = (
        Article.objects.select_for_update()
        .filter(pk=article.pk)
        .values(
            "status", "published_at", "revision", "revised_at", "body_html", *fields
        )
        .first()
    )
    if stored is None or stored["status"] != Article.Status.PUBLISHED:
        return None
    if stored["published_at"] is None or stored["published_at"] > timezone.now():
        return None
    before = reader_text(*(stored[f] for f in fields))
    if before == reader_text(*(getattr(article, f) for f in fields)):
        return None
    return ArticleVersion(
        article=article,
        revision=stored["revision"],
        title=stored["title"],
        lead=stored["lead"],
        body=stored["body"],
        body_html=stored["body_html"],
        picture_text=stored["picture_text"],
        valid_from=stored["revised_at"] or stored["published_at"],
        replaced_at=timezone.now(),
        replaced_by=editor,
    )
