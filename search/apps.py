from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import index

        # Entries are written in the transaction of the save they mirror.
        post_save.connect(index.article_saved, sender="articles.Article")
        for signal in (post_save, post_delete):
            signal.connect(index.note_changed, sender="correction_desk.CorrectionNote")
