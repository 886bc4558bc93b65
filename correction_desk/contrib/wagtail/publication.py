"""What the desk hears of Wagtail's publications."""

from correction_desk import registry, services


def page_published(sender, instance, revision=None, **kwargs) -> None:
    """A page went live, by its editor or at the end of a moderation workflow:
    the desk hears of the new public version, and the notes that waited for
    it go public."""
    page = instance.specific
    if not registry.is_registered(type(page)):
        return
    adapter = registry.adapter_for(page)
    if adapter.is_public(page):
        services.version_published(page, revision=adapter.revision(page))
    services.content_published(page)


def page_unpublished(sender, instance, **kwargs) -> None:
    """A page went offline: the transparency log records that it left."""
    page = instance.specific
    if registry.is_registered(type(page)) and not registry.adapter_for(page).is_public(
        page
    ):
        services.content_unpublished(page)
