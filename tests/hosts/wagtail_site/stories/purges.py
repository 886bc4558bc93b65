"""A frontend cache for Wagtail that writes down what it was asked to purge."""

from wagtail.contrib.frontend_cache.backends.base import BaseBackend

PURGED: list[str] = []


class RecordedPurges(BaseBackend):
    def purge(self, url) -> None:
        PURGED.append(url)
