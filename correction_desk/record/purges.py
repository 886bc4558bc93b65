"""Which public pages go stale when a note, the policy or noted content changes."""

from correction_desk import pages as page_cache
from correction_desk.registry import adapter_for


def note_changed(sender, instance, **kwargs) -> None:
    content = instance.content
    if content is not None:
        adapter_for(content).purge(content)
    page_cache.purge(["corrections-log"])


def policy_changed(sender, instance, **kwargs) -> None:
    page_cache.purge(["policy"])


def content_changed(sender, instance, **kwargs) -> None:
    """Content with notes entering or leaving the public: the log changes."""
    from correction_desk.models import CorrectionNote

    if CorrectionNote.objects.about(instance).exists():
        page_cache.purge(["corrections-log"])
