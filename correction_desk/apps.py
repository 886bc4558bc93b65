from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrectionDeskConfig(AppConfig):
    name = "correction_desk"
    verbose_name = _("Corrections")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from correction_desk.record import feeds, purges

        # Notes and the policy show on public pages: a change purges their keys.
        for signal in (post_save, post_delete):
            signal.connect(purges.note_changed, sender="correction_desk.CorrectionNote")
            signal.connect(purges.policy_changed, sender="correction_desk.PolicyPage")
        post_save.connect(feeds.note_saved, sender="correction_desk.CorrectionNote")
