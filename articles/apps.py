from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Publishing")

    def ready(self):
        from django.core import checks
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_save,
            pre_save,
        )

        from . import http_caches, purges, websub

        checks.register(http_caches.check_purges_can_wait, checks.Tags.caches)

        # Saving or deleting what a public page shows purges that page's keys
        # (articles/surrogate.py); apps that add to the pages connect their own.
        pre_save.connect(purges.remember_section, sender="articles.Article")
        for signal in (post_save, post_delete):
            signal.connect(purges.article_changed, sender="articles.Article")
            signal.connect(purges.section_changed, sender="articles.Section")
            signal.connect(purges.author_changed, sender="articles.Author")
        m2m_changed.connect(purges.authors_changed, sender="articles.Article_authors")
        # A hub, if one is set, hears of every change to a public article's feeds.
        post_save.connect(websub.article_saved, sender="articles.Article")
