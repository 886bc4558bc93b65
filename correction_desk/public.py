"""What the public sees of a piece of content's notes: for hosts' pages.

Each function reads once per content object and request: the page, its
structured data and its templates share the list.
"""

from correction_desk.models import CorrectionNote

CACHE = "_corrections_public_notes"


def public_notes(content) -> list[CorrectionNote]:
    """The content's published notes, oldest first, withdrawn ones included."""
    if content is None:
        return []
    notes = content.__dict__.get(CACHE)
    if notes is None:
        notes = list(
            CorrectionNote.objects.about(content)
            .published()
            .order_by("published_at", "pk")
        )
        for note in notes:
            note.content = content
        content.__dict__[CACHE] = notes
    return notes


def notes_by_version(content) -> dict[int, list[CorrectionNote]]:
    """The published notes by the version that carries each one's change;
    each knows the version before its first change (`compare_from`)."""
    carried: dict[int, list] = {}
    for note in public_notes(content):
        if note.revision:
            note.compare_from = note.compare_from or note.revision - 1
            carried.setdefault(note.revision, []).append(note)
    return carried


def changed_at(content) -> list:
    """The moments the notes changed the content's page."""
    return [
        moment
        for note in public_notes(content)
        for moment in (note.published_at, note.amended_at, note.withdrawn_at)
        if moment
    ]
