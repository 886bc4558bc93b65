from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrectionsConfig(AppConfig):
    name = "corrections"
    verbose_name = _("Corrections")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from articles.caching import bump_content_version

        # Notes and the policy show on public pages: a change makes them stale.
        for label in ("corrections.CorrectionNote", "corrections.PolicyPage"):
            post_save.connect(bump_content_version, sender=label)
            post_delete.connect(bump_content_version, sender=label)
