"""Press-law cases: every editor records a counter-statement demand or a Press
Council complaint the moment it arrives, and sees what is open; deciding and
publishing is for whom the newsroom gives the change permissions (the demo's
"Chef vom Dienst")."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Redaktion"
PERMISSIONS = [
    "add_counterstatementdemand",
    "view_counterstatementdemand",
    "add_presseratcomplaint",
    "view_presseratcomplaint",
]


def give_editors_press_law(apps, schema_editor):
    app_config = apps.get_app_config("correction_desk")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = True  # create_permissions skips apps without
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="correction_desk", codename__in=PERMISSIONS
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0003_purge_tasks_moved"),
        ("correction_desk", "0009_press_law"),
    ]

    operations = [
        migrations.RunPython(give_editors_press_law, migrations.RunPython.noop)
    ]
