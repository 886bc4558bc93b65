from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrectionDeskConfig(AppConfig):
    name = "correction_desk"
    verbose_name = _("Corrections")

    def ready(self):
        from django.db.models.signals import post_save

        from correction_desk.record import feeds

        post_save.connect(feeds.note_saved, sender="correction_desk.CorrectionNote")
