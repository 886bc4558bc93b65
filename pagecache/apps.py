from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Page cache")

    def ready(self):
        from django.core import checks

        from . import http_caches

        checks.register(http_caches.check_purges_can_wait, checks.Tags.caches)
