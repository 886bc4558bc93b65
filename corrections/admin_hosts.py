"""The desk's question on edits to published text, in the articles' admin.

`articles` knows nothing of corrections: its admin classes are registered
again here, with the question added (corrections/published_edits.py).
"""

from django.contrib import admin

from articles.admin import ArticleAdmin, PictureAdmin
from articles.models import Article, Picture

from .published_edits import AsksAboutPublishedEdits, article_texts, picture_texts


class CorrectedArticleAdmin(AsksAboutPublishedEdits, ArticleAdmin):
    def readers_text(self, stored, cleaned):
        return article_texts(stored, cleaned)

    def public_articles(self, article):
        return [article] if article.is_public else []


class CorrectedPictureAdmin(AsksAboutPublishedEdits, PictureAdmin):
    def readers_text(self, stored, cleaned):
        return picture_texts(stored, cleaned)

    def public_articles(self, picture):
        return [article for article in picture.shown_in() if article.is_public]


for model, model_admin in ((Article, CorrectedArticleAdmin),
                           (Picture, CorrectedPictureAdmin)):  # fmt: skip
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
