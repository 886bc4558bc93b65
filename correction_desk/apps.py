from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrectionDeskConfig(AppConfig):
    name = "correction_desk"
    verbose_name = _("Corrections")

    def ready(self):
        from django.db.models.signals import post_save

        from correction_desk.embed.adapter import ExternalPageAdapter
        from correction_desk.embed.models import ExternalPage
        from correction_desk.record import feeds
        from correction_desk.registry import register

        post_save.connect(feeds.note_saved, sender="correction_desk.CorrectionNote")
        # Pages of sites that embed the form are content like any host's.
        register(ExternalPage, ExternalPageAdapter)
