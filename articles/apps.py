from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Publishing")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from .caching import bump_content_version

        # Whatever a public page shows: when it changes, cached pages are stale.
        # (Apps that add to the pages connect their own models the same way.)
        for label in ("articles.Article", "articles.Section", "articles.Author"):
            post_save.connect(bump_content_version, sender=label)
            post_delete.connect(bump_content_version, sender=label)
        m2m_changed.connect(bump_content_version, sender="articles.Article_authors")
