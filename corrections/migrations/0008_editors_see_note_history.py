from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_editors_see_the_history(apps, schema_editor):
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Redaktion").first()
    if group:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="corrections",
                codename="view_correctionnotechange",
            )
        )


class Migration(migrations.Migration):
    dependencies = [("corrections", "0007_note_history_and_revision")]

    operations = [
        migrations.RunPython(let_editors_see_the_history, migrations.RunPython.noop)
    ]
