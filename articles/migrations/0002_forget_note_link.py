"""Versions no longer point to correction notes (the desk keeps that now).

Databases made before articles' history was made one-way still have the
column (`correction_note_id`, a foreign key into the desk's notes), new ones
never had it: it is dropped where it exists. The project's wiring copies what
it said first (newsroom/migrations/0001_note_versions.py runs before this).
"""

from django.db import migrations, models

COLUMN = "correction_note_id"


class DropLegacyColumn(migrations.operations.base.Operation):
    reduces_to_sql = False
    reversible = True

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, "ArticleVersion")
        table = model._meta.db_table
        with schema_editor.connection.cursor() as cursor:
            names = {
                column.name
                for column in schema_editor.connection.introspection.get_table_description(
                    cursor, table
                )
            }
        if COLUMN not in names:
            return
        # Described to the schema editor as the plain column it is: on SQLite
        # the table is rebuilt without it, elsewhere it is dropped (CASCADE
        # drops its foreign key constraint).
        legacy = models.BigIntegerField(null=True, db_index=True)
        legacy.set_attributes_from_name("legacy_note")
        legacy.column = COLUMN
        legacy.model = model
        model._meta.local_fields.append(legacy)
        model._meta._expire_cache()
        try:
            schema_editor.remove_field(model, legacy)
        finally:
            model._meta.local_fields.remove(legacy)
            model._meta._expire_cache()

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass

    def describe(self):
        return "Drop versions' old link to correction notes, where it exists"


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [DropLegacyColumn()]
