"""The desk's question on edits to published text, in the articles' admin.

`articles` knows nothing of corrections: its admin classes are registered
again here, where the project wires its apps, with the question added
(correction_desk/fixing/published_edits.py).
"""

from copy import copy

from django.contrib import admin

from articles.admin import ArticleAdmin, PictureAdmin
from articles.models import Article, Picture
from articles.services import article_save, picture_save
from articles.text import reader_text
from correction_desk.admin_hosts import KeepsTheRecord
from correction_desk.fixing.published_edits import AsksAboutPublishedEdits


class SavesVersions:
    def save_published(self, request, obj, minor: bool) -> None:
        save = picture_save if isinstance(obj, Picture) else article_save
        save(obj, editor=request.user, minor=minor)


class CorrectedArticleAdmin(
    KeepsTheRecord, SavesVersions, AsksAboutPublishedEdits, ArticleAdmin
):
    def readers_text(self, stored, cleaned):
        return article_texts(stored, cleaned)

    def public_content(self, article):
        return [article] if article.is_public else []


class CorrectedPictureAdmin(SavesVersions, AsksAboutPublishedEdits, PictureAdmin):
    def readers_text(self, stored, cleaned):
        return picture_texts(stored, cleaned)

    def public_content(self, picture):
        return [article for article in picture.shown_in() if article.is_public]


def article_texts(stored, cleaned):
    """What readers read of a published article, before and after the form."""
    stored = Article.objects.filter(pk=stored.pk).first() if stored.pk else None
    if stored is None or not stored.is_public:
        return None
    before = reader_text(*(getattr(stored, f) for f in stored.READER_VISIBLE_FIELDS))
    candidate = copy(stored)
    for name in ("title", "lead", "body", "lead_picture"):
        if name in cleaned:
            setattr(candidate, name, cleaned[name])
    return before, candidate.text_readers_read()


def picture_texts(stored, cleaned):
    """What readers of the published articles showing a picture read of it."""
    stored = Picture.objects.filter(pk=stored.pk).first() if stored.pk else None
    if stored is None or not [a for a in stored.shown_in() if a.is_public]:
        return None

    def text(caption, credit):
        return " ".join(part for part in (caption.strip(), credit.strip()) if part)

    after = text(
        cleaned.get("caption", stored.caption), cleaned.get("credit", stored.credit)
    )
    return text(stored.caption, stored.credit), after


def register() -> None:
    for model, model_admin in ((Article, CorrectedArticleAdmin),
                               (Picture, CorrectedPictureAdmin)):  # fmt: skip
        admin.site.unregister(model)
        admin.site.register(model, model_admin)
