"""Tables, content types and queued tasks of the app's old name take its new one.

Until it became an installable app, the desk was a project app labelled
`corrections`. A database from then keeps its rows: each `corrections_<model>`
table is renamed (foreign keys into it follow the rename, on SQLite and
PostgreSQL alike), its content types, and with them permissions, groups and
admin history, move to the new label, and tasks still queued under an old
module path run under the new one. A database made since has none of this and
is left as it is.
"""

from django.db import migrations

OLD_LABEL = "corrections"

# Where each queued task of an earlier layout lives now.
TASK_PATHS = {
    "corrections.tasks.": "correction_desk.triage.tasks.",
    "corrections.webhooks.": "correction_desk.partners.webhooks.",
    "corrections.": "correction_desk.",
}
TASKS_TABLE = "django_tasks_database_dbtaskresult"


class AdoptOldTables(migrations.operations.base.Operation):
    reduces_to_sql = False
    reversible = False

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        connection = schema_editor.connection
        tables = set(connection.introspection.table_names())
        for model in to_state.apps.get_app_config(app_label).get_models():
            new = model._meta.db_table
            old = f"{OLD_LABEL}_{model._meta.model_name}"
            if old in tables and new not in tables:
                schema_editor.alter_db_table(model, old, new)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        raise NotImplementedError

    def describe(self):
        return "Rename the tables of the app's old label, where they exist"


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for old in ContentType.objects.filter(app_label=OLD_LABEL):
        # A content type made under the new label before this step (by a
        # migration that created permissions early) gives way to the old one,
        # which groups, permissions and admin history point to.
        made_early = ContentType.objects.filter(
            app_label="correction_desk", model=old.model
        )
        Permission.objects.filter(content_type__in=made_early).delete()
        made_early.delete()
        old.app_label = "correction_desk"
        old.save(update_fields=["app_label"])


def move_queued_tasks(apps, schema_editor):
    connection = schema_editor.connection
    if TASKS_TABLE not in connection.introspection.table_names():
        return
    table = connection.ops.quote_name(TASKS_TABLE)
    with connection.cursor() as cursor:
        for old, new in TASK_PATHS.items():
            cursor.execute(
                f"UPDATE {table} SET task_path = %s || SUBSTR(task_path, %s)"
                " WHERE task_path LIKE %s",
                [new, len(old) + 1, old + "%"],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("correction_desk", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        AdoptOldTables(),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
        migrations.RunPython(move_queued_tasks, migrations.RunPython.noop),
    ]
