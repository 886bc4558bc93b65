"""The texts the log's records were taken of, while they are public."""

from django.contrib.contenttypes.models import ContentType

from correction_desk.registry import adapter_for, is_registered
from correction_desk.transparency.leaves import canonical_text
from correction_desk.transparency.models import LogRecord


def logged_content(record: LogRecord):
    """The content a record names, if it still exists and is registered."""
    model = ContentType.objects.get_for_id(record.content_type_id).model_class()
    if model is None or not is_registered(model):
        return None
    return model._default_manager.filter(pk=record.object_id).first()


def public_text(record: LogRecord) -> str | None:
    """The normalised text of a version or note step, as its hash was taken;
    None when the content is not public (its text left with it)."""
    from correction_desk.models import CorrectionNote
    from correction_desk.transparency.log import note_steps

    content = logged_content(record)
    if content is None or not adapter_for(content).is_public(content):
        return None
    if record.kind == LogRecord.Kind.VERSION:
        text = adapter_for(content).version_texts(content, record.number)
    else:
        note = CorrectionNote.objects.filter(pk=record.note_id).first()
        steps = note_steps(note) if note and note.published_at else []
        text = steps[record.number - 1][2] if record.number <= len(steps) else None
    return None if text is None else canonical_text(text)
