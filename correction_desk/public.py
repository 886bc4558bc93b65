"""What the public sees of a piece of content's notes: for hosts' pages.

Each function reads once per content object and request: the page, its
structured data and its templates share the list. The notes of the content
its page also shows (`ContentAdapter.shown_with`) are read in the same query.
"""

import itertools
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from correction_desk.models import CorrectionNote
from correction_desk.registry import adapter_for
from correction_desk.support.prepared import Prepared

CACHE = "_corrections_public_notes"


def public_notes(content) -> list[CorrectionNote]:
    """The content's published notes, oldest first, withdrawn ones included."""
    if content is None:
        return []
    if CACHE not in content.__dict__:
        read_notes([content, *adapter_for(content).shown_with(content)])
    return content.__dict__[CACHE]


def read_notes(contents) -> None:
    """Read the published notes of all of `contents` in one query."""
    unread = {}
    for content in contents:
        if CACHE not in content.__dict__:
            content.__dict__[CACHE] = []
            key = (ContentType.objects.get_for_model(content).pk, str(content.pk))
            unread[key] = content
    if not unread:
        return
    keys_by_type = {}
    for content_type, object_id in unread:
        keys_by_type.setdefault(content_type, []).append(object_id)
    now = timezone.now()
    for note in _notes_about(*itertools.chain.from_iterable(keys_by_type.items())):
        # Published ones only, checked here: a moment would make the SQL new
        # each time (notes waiting for approval are few).
        if note.published_at is None or note.published_at > now:
            continue
        content = unread[note.content_type_id, note.object_id]
        note.content = content
        content.__dict__[CACHE].append(note)


@Prepared
def _notes_about(*types_and_keys):
    """Every note about the objects named: content type, [keys], content type..."""
    pairs = zip(types_and_keys[::2], types_and_keys[1::2], strict=True)
    about = reduce(
        or_,
        (Q(content_type_id=kind, object_id__in=keys) for kind, keys in pairs),
    )
    return CorrectionNote.objects.filter(about).order_by("published_at", "pk")


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
