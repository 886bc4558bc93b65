"""Purges queued before page caching became a package of its own (pagecache/)
name the task by its old path; the worker finds it under the new one."""

from django.db import migrations

TASKS_TABLE = "django_tasks_database_dbtaskresult"
OLD, NEW = "articles.http_caches.", "pagecache.http_caches."


def move_queued_purges(apps, schema_editor):
    connection = schema_editor.connection
    if TASKS_TABLE not in connection.introspection.table_names():
        return
    table = connection.ops.quote_name(TASKS_TABLE)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET task_path = %s || SUBSTR(task_path, %s)"
            " WHERE task_path LIKE %s",
            [NEW, len(OLD) + 1, OLD + "%"],
        )


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0002_editors_group")]

    operations = [migrations.RunPython(move_queued_purges, migrations.RunPython.noop)]
