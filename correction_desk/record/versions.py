"""New public versions: the one place a host tells the desk about them.

A host calls `version_published` each time a text the public reads is replaced
by a new one (its own editor's save, or its `apply_fix`), after the version is
stored. The desk checks it and sends `signals.new_public_version`, which the desk's
history and anything a project connects listen to; `versions()` on the adapter
lists what was published before.
"""

from correction_desk.registry import adapter_for
from correction_desk.signals import new_public_version


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
    new_public_version.send(sender=type(content), content=content, revision=revision)
