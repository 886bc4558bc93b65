"""New public versions: the one place a host tells the desk about them.

A host calls `version_published` each time a text the public reads is replaced
by a new one (its own editor's save, or its `apply_fix`), after the version is
stored. The desk checks it, appends it to the transparency log and sends
`signals.new_public_version`, which the desk's history and anything a project
connects listen to; `versions()` on the adapter lists what was published before.
When content leaves the public, the host calls `content_unpublished`.
"""

from correction_desk.registry import adapter_for
from correction_desk.signals import new_public_version
from correction_desk.transparency import log as transparency_log
from correction_desk.transparency.models import LogRecord


def version_published(content, *, revision: int) -> None:
    """Say that `content` now reads as its version `revision`.

    Refused (ValueError): content the public cannot see, which has no public
    version, and a revision that is not the content's current one.
    """
    adapter = adapter_for(content)  # ImproperlyConfigured if never registered
    if not adapter.is_public(content):
        raise ValueError("content the public cannot see has no public version")
    if revision != adapter.revision(content):
        raise ValueError(
            f"version {revision} is not the current one ({adapter.revision(content)})"
        )
    transparency_log.log_public(content, history=False)
    new_public_version.send(sender=type(content), content=content, revision=revision)


REMOVAL_REASONS = LogRecord.Reason


def content_unpublished(content, *, reason: str = REMOVAL_REASONS.UNPUBLISHED) -> None:
    """Say that `content` left the public (unpublished, a court order, an
    erasure request: `REMOVAL_REASONS`). The transparency log records that and
    why; what it logged before stays, and its texts are served no more.

    Refused (ValueError): content the public can still see, and a reason
    the log does not know.
    """
    adapter = adapter_for(content)
    if adapter.is_public(content):
        raise ValueError("the content is still public")
    if reason not in REMOVAL_REASONS.values:
        raise ValueError(f"not a reason the log knows: {reason!r}")
    from correction_desk.press_law.services import content_offered_no_more

    transparency_log.log_removal(content, reason)
    content_offered_no_more(content)
