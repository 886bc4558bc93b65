from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WagtailHostConfig(AppConfig):
    name = "correction_desk.contrib.wagtail"
    label = "correction_desk_wagtail"
    verbose_name = _("Corrections on Wagtail pages")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished

        from . import publication

        page_published.connect(
            publication.page_published, dispatch_uid="correction_desk_published"
        )
        page_unpublished.connect(
            publication.page_unpublished, dispatch_uid="correction_desk_unpublished"
        )
