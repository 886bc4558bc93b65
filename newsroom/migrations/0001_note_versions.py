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
    connection = schema_editor.connection
    table = Version._meta.db_table
    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(cursor, table)
        }
        if "correction_note_id" not in columns:  # a database made after the move
            return
        cursor.execute(
            f"SELECT correction_note_id, revision FROM {connection.ops.quote_name(table)}"
            " WHERE correction_note_id IS NOT NULL"
        )
        found = cursor.fetchall()
    tied: dict[int, list[int]] = {}
    for note_id, revision in found:
        tied.setdefault(note_id, []).append(revision)
    for note in Note.objects.filter(pk__in=tied):
        changed = tied[note.pk]
        note.compare_from = min(changed)
        note.revision = note.revision or max(changed) + 1
        note.save(update_fields=["compare_from", "revision"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("corrections", "0024_content_through_adapters"),
    ]
    run_before = [("articles", "0002_forget_note_link")]

    operations = [migrations.RunPython(to_notes, migrations.RunPython.noop)]
