"""Which article versions each note stands for moves from articles to the notes.

Articles used to keep, on each earlier version, the note its change belonged
to. The desk now keeps it on the note: the version before the first of those
changes (`compare_from`), and, for notes from before notes named their
version, the version that carries them. Runs before articles drops its column.
"""

from django.db import migrations


def to_notes(apps, schema_editor):
    Version = apps.get_model("articles", "ArticleVersion")
    Note = apps.get_model("corrections", "CorrectionNote")
    tied: dict[int, list[int]] = {}
    for note_id, revision in Version.objects.filter(
        correction_note__isnull=False
    ).values_list("correction_note_id", "revision"):
        tied.setdefault(note_id, []).append(revision)
    for note in Note.objects.filter(pk__in=tied):
        changed = tied[note.pk]
        note.compare_from = min(changed)
        note.revision = note.revision or max(changed) + 1
        note.save(update_fields=["compare_from", "revision"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0010_author_bio_per_language"),
        ("corrections", "0024_content_through_adapters"),
    ]
    run_before = [("articles", "0011_version_without_note")]

    operations = [migrations.RunPython(to_notes, migrations.RunPython.noop)]
