from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Redaktion"

# What an editor does: edit articles and authors, triage reports, write internal
# notes and publish correction notes. Nothing is deleted; readers' e-mail
# addresses need the separate permission corrections.view_reporter_email.
EDITOR_PERMISSIONS = {
    "articles": {
        "article": ["add", "change", "view"],
        "author": ["add", "change", "view"],
        "section": ["view"],
    },
    "corrections": {
        "report": ["change", "view"],
        "decision": ["view"],
        "editornote": ["add", "view"],
        "correctionnote": ["add", "change", "view"],
    },
}


def codenames():
    for app_label, models in EDITOR_PERMISSIONS.items():
        for model, actions in models.items():
            for action in actions:
                yield app_label, f"{action}_{model}"


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after all migrations have run.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True  # create_permissions skips apps without
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in codenames()
    )


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("corrections", "0002_triage_and_correction_notes"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
