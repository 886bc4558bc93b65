from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Publishing")

    def ready(self):
        from django.db.models.signals import post_save

        from . import websub

        # A hub, if one is set, hears of every change to a public article's feeds.
        post_save.connect(websub.article_saved, sender="articles.Article")
