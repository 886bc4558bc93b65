"""Changes to articles: the one way their text is edited, by the admin and the desk."""

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Article, Picture

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
        current.save(editor=editor, minor=minor)
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
        current.save(editor=editor, minor=minor)
    return current


def article_publish(*, article: Article, editor=None) -> bool:
    """Make a draft public (now, or at its scheduled time); False if it was.

    Publishing and unpublishing always save the article, never update() it: the
    search index, the page caches, the HTTP caches and WebSub hear of a save
    (their receivers), and of nothing else.
    """
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if current.status == Article.Status.PUBLISHED:
            return False
        current.status = Article.Status.PUBLISHED
        current.published_at = current.published_at or timezone.now()
        current.save(editor=editor)
    return True


def article_unpublish(*, article: Article, editor=None) -> bool:
    """Take a published article back to the drafts; False if it was not public."""
    with transaction.atomic():
        current = Article.objects.select_for_update().get(pk=article.pk)
        if current.status != Article.Status.PUBLISHED:
            return False
        current.status = Article.Status.DRAFT
        current.save(editor=editor)
    return True
