"""Which public pages go stale when a note or the policy changes.

Called by the services that change them (record/notes.py, the policy's admin),
never by signals: a reader of a service sees what it makes stale.
"""

from correction_desk import pages
from correction_desk.registry import adapter_for


def note_changed(note) -> None:
    """A note went public, or a public one was amended or withdrawn."""
    content = note.content
    if content is not None:
        adapter_for(content).purge(content)
    pages.purge([pages.log_key()])


def policy_changed() -> None:
    pages.purge([pages.policy_key()])
