"""Appending to the transparency log, proving what it holds, signing it.

Records are appended in the transaction of the change they record (a note's
publication) or right after it (a host's new version), never edited and never
deleted. Appending is idempotent: a version or a note's step already logged is
not logged again, so `catch_up` can walk everything public at any time and
append what is missing (the log's start, a scheduled publication, a process
that died between a commit and its callback).

A checkpoint is signed after each append that commits, if the key is there;
without it the records wait and the next signature covers them.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation

from correction_desk.registry import adapter_for
from correction_desk.transparency import keys, merkle
from correction_desk.transparency.leaves import record_line, text_sha256
from correction_desk.transparency.models import Checkpoint, LogHash, LogHead, LogRecord
from correction_desk.transparency.signed_note import checkpoint_text
from correction_desk.triage.mail import absolute

logger = logging.getLogger(__name__)
Kind = LogRecord.Kind


_paused = ContextVar("transparency_log_paused", default=False)


@contextmanager
def paused():
    """Append nothing while history is replayed (the demo content rewrites
    its dates after the fact); `catch_up` then logs it as it ended up."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


class LogDamaged(RuntimeError):
    """A hash the tree needs is missing: the log's tables were tampered with."""


def read_hashes(indexes: list[int]) -> list[bytes]:
    """The stored hashes at `indexes`, in that order, in one query."""
    found = {
        index: bytes(value)
        for index, value in LogHash.objects.filter(index__in=indexes).values_list(
            "index", "hash"
        )
    }
    try:
        return [found[index] for index in indexes]
    except KeyError as missing:
        raise LogDamaged(f"stored hash {missing} is missing") from None


def size() -> int:
    return LogHead.objects.filter(pk=1).values_list("size", flat=True).first() or 0


def root_hash(tree_size: int) -> bytes:
    return merkle.tree_hash(tree_size, read_hashes)


def content_url(content) -> str:
    adapter = adapter_for(content)
    with translation.override(adapter.language(content)):
        return absolute(adapter.url(content))


def note_url(note) -> str:
    with translation.override(note.language):
        return absolute(note.get_absolute_url())


def _lock_head() -> LogHead:
    # A write first: it takes the lock on every database (SQLite's write lock
    # too, where a read would not), so two appends never read the same size.
    if not LogHead.objects.filter(pk=1).update(size=F("size")):
        LogHead.objects.get_or_create(pk=1)
    return LogHead.objects.select_for_update().get(pk=1)


def _append(**fields) -> LogRecord | None:
    """Append one record unless the same version or note step is logged."""
    if _paused.get():
        return None
    with transaction.atomic():
        head = _lock_head()
        if fields["kind"] == Kind.VERSION:
            duplicate = LogRecord.objects.filter(
                kind=Kind.VERSION,
                content_type=fields["content_type"],
                object_id=fields["object_id"],
                number=fields["number"],
            )
        elif fields.get("note_id"):
            duplicate = LogRecord.objects.filter(
                note_id=fields["note_id"], number=fields["number"]
            )
        else:
            duplicate = LogRecord.objects.none()
        if duplicate.exists():
            return None
        index = head.size
        value = (
            f"reason:{fields['reason']}"
            if fields.get("reason")
            else f"sha256:{fields['text_sha256']}"
        )
        data = record_line(
            fields["kind"], fields["url"], fields["number"], fields["at"], value
        )
        leaf = merkle.record_hash(data.encode())
        hashes = merkle.stored_hashes(index, leaf, read_hashes)
        first = merkle.stored_hash_index(0, index)
        LogHash.objects.bulk_create(
            LogHash(index=first + offset, hash=stored)
            for offset, stored in enumerate(hashes)
        )
        record = LogRecord.objects.create(
            index=index, data=data, leaf_hash=leaf.hex(), **fields
        )
        head.size = index + 1
        head.save(update_fields=["size"])
    transaction.on_commit(sign_soon)
    return record


def _content_fields(content) -> dict:
    return {
        "content_type": ContentType.objects.get_for_model(content),
        "object_id": str(content.pk),
    }


def log_version(content, revision: int, at, text: str) -> LogRecord | None:
    """A public version of `content` and its text as readers read it."""
    return _append(
        kind=Kind.VERSION,
        url=content_url(content),
        number=revision,
        at=at,
        text_sha256=text_sha256(text),
        **_content_fields(content),
    )


def note_steps(note) -> list[tuple[str, object, str]]:
    """A published note's steps: (kind, when, text readers read then)."""
    from correction_desk.models import CorrectionNoteChange

    changes = list(CorrectionNoteChange.objects.filter(note=note).order_by("pk"))
    amendments = [c for c in changes if c.action == CorrectionNoteChange.Action.AMENDED]
    # Each amendment kept the text it replaced: the texts in order.
    texts = [c.previous_text for c in amendments] + [note.text]
    steps = [(Kind.NOTE_PUBLISHED, note.published_at, texts[0])]
    amended = 0
    for change in changes:
        if change.action == CorrectionNoteChange.Action.AMENDED:
            amended += 1
            steps.append((Kind.NOTE_AMENDED, change.created_at, texts[amended]))
        elif change.action == CorrectionNoteChange.Action.WITHDRAWN:
            steps.append((Kind.NOTE_WITHDRAWN, change.created_at, change.reason))
    return steps


def log_note(note) -> list[LogRecord]:
    """Every step of a published note not logged yet, in order."""
    if _paused.get() or not note.published_at or note.content is None:
        return []
    # What the note is about comes first in the log, as it came first in public.
    appended = log_public(note.content, history=False)
    for number, (kind, at, text) in enumerate(note_steps(note), start=1):
        record = _append(
            kind=kind,
            url=note_url(note),
            number=number,
            at=at,
            text_sha256=text_sha256(text),
            note_id=note.pk,
            **_content_fields(note.content),
        )
        if record:
            appended.append(record)
    return appended


def is_removed(content) -> bool | None:
    """Whether the log says the content left the public (None: never logged)."""
    last = (
        LogRecord.objects.about(content)
        .filter(kind__in=[Kind.VERSION, Kind.REMOVED, Kind.RESTORED])
        .order_by("-index")
        .values_list("kind", flat=True)
        .first()
    )
    return None if last is None else last == Kind.REMOVED


def log_removal(content, reason: str, at=None) -> LogRecord | None:
    """The content left the public, and why; its records stay."""
    if is_removed(content) is not False:
        return None
    adapter = adapter_for(content)
    return _append(
        kind=Kind.REMOVED,
        url=content_url(content),
        number=adapter.revision(content),
        at=at or timezone.now(),
        reason=reason,
        **_content_fields(content),
    )


def log_removal_of(record: LogRecord, reason: str) -> LogRecord | None:
    """Why the content a record names left the public, when an editor says
    so later (a court order): once per reason, whether or not it still exists."""
    last = (
        LogRecord.objects.filter(
            content_type=record.content_type_id,
            object_id=record.object_id,
            note_id__isnull=True,
        )
        .order_by("-index")
        .first()
    )
    if last is None or (last.kind == Kind.REMOVED and last.reason == reason):
        return None
    return _append(
        kind=Kind.REMOVED,
        url=last.url,
        number=last.number,
        at=timezone.now(),
        reason=reason,
        content_type_id=record.content_type_id,
        object_id=record.object_id,
    )


def log_public(content, *, history: bool = True) -> list[LogRecord]:
    """Content the public reads: its versions not logged yet, oldest first,
    and that it is public again if the log said it had left.

    With `history` False (a publication, heard as it happens), the earlier
    versions are looked at only when the current one is not logged yet:
    `catch_up` finds any others.
    """
    adapter = adapter_for(content)
    if _paused.get() or not adapter.logs_versions:
        return []
    # As stored: the caller's copy may predate a change in the same transaction.
    content = type(content)._default_manager.filter(pk=content.pk).first()
    if content is None or not adapter.is_public(content):
        return []
    states = list(
        LogRecord.objects.about(content)
        .filter(note_id__isnull=True)
        .order_by("index")
        .values_list("kind", "number")
    )
    logged = {number for kind, number in states if kind == Kind.VERSION}
    current = adapter.revision(content)
    removed = bool(states) and states[-1][0] == Kind.REMOVED
    if current in logged and not removed and not history:
        return []
    appended = []
    if removed:
        appended.append(
            _append(
                kind=Kind.RESTORED,
                url=content_url(content),
                number=current,
                at=timezone.now(),
                reason=LogRecord.Reason.REPUBLISHED,
                **_content_fields(content),
            )
        )
    versions = [(current, adapter.current_since(content) or timezone.now())]
    if history or current not in logged:
        versions += [(v.revision, v.valid_from) for v in adapter.versions(content)]
    for revision, since in sorted(versions, key=lambda pair: (pair[1], pair[0])):
        if revision in logged:
            continue
        logged.add(revision)
        text = adapter.version_texts(content, revision)
        if text is not None:
            appended.append(log_version(content, revision, since, text))
    return [record for record in appended if record]


def catch_up() -> int:
    """Append whatever public content, notes and removals are not logged yet,
    oldest first; the number of records appended."""
    from correction_desk.models import CorrectionNote
    from correction_desk.registry import adapters

    pending = []
    for adapter in adapters():
        if not adapter.logs_versions:
            continue
        for content in adapter.public(adapter.queryset()).iterator():
            since = [v.valid_from for v in adapter.versions(content)]
            pending.append(
                (
                    min([*since, adapter.current_since(content) or timezone.now()]),
                    0,
                    content,
                )
            )
    notes = CorrectionNote.objects.published().order_by("published_at", "pk")
    pending += [(note.published_at, 1, note) for note in notes]
    appended = 0
    for _, is_note, item in sorted(pending, key=lambda entry: (entry[0], entry[1])):
        if is_note:
            appended += len(log_note(item))
        elif logged := log_public(item):
            # Published with no save (at its scheduled time): its versions
            # page says what the log holds once it is purged.
            adapter_for(item).purge(item)
            appended += len(logged)
    appended += _removals()
    return appended


def _removals() -> int:
    """Logged content that is no longer public, and not yet logged as gone."""
    appended = 0
    logged = LogRecord.objects.values_list("content_type", "object_id").distinct()
    for type_id, object_id in logged:
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        content = model._default_manager.filter(pk=object_id).first()
        if content is not None and not adapter_for(content).is_public(content):
            appended += bool(log_removal(content, LogRecord.Reason.UNPUBLISHED))
    return appended


def sign_soon() -> None:
    """After a commit: sign the log as it is now; never fails the caller."""
    try:
        sign()
    except Exception:  # the change is stored; the next signature covers it
        logger.exception("the transparency log could not be signed")


def sign() -> Checkpoint | None:
    """Sign a checkpoint of the whole log, if it grew since the last one and
    the key is there; None otherwise."""
    signer = keys.signer()
    tree_size = size()
    if signer is None or tree_size == 0:
        return None
    if Checkpoint.objects.filter(size=tree_size).exists():
        return None
    root = root_hash(tree_size)
    note = signer.sign(checkpoint_text(keys.origin(), tree_size, root))
    try:
        with transaction.atomic():
            checkpoint = Checkpoint.objects.create(
                size=tree_size,
                root_hash=root,
                note=note,
                verifier=signer.verifier_text(),
                signed_at=timezone.now(),
            )
    except IntegrityError:  # another process signed the same size
        return None
    from correction_desk.transparency import announce

    announce.new_checkpoint(checkpoint)
    return checkpoint


def unsigned() -> int:
    """Records no checkpoint covers yet."""
    latest = Checkpoint.objects.values_list("size", flat=True).first() or 0
    return size() - latest


def latest_checkpoint() -> Checkpoint | None:
    return Checkpoint.objects.first()
