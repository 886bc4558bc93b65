"""The newsroom's editors: one group with what an editor does on this site.

Edit articles and authors, triage reports, write internal notes, publish
correction notes, see their history and keep the policy. Nothing is deleted;
readers' e-mail addresses need the separate permission
correction_desk.view_reporter_email. A database that has the group keeps what
was given to it since, and gains what is listed here.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Redaktion"

EDITOR_PERMISSIONS = {
    "articles": {
        "article": ["add", "change", "view"],
        "author": ["add", "change", "view"],
        "section": ["view"],
    },
    "correction_desk": {
        "report": ["change", "view"],
        "decision": ["view"],
        "editornote": ["add", "view"],
        "correctionnote": ["add", "change", "view"],
        "correctionnotechange": ["view"],
        "policypage": ["change", "view"],
    },
}


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
    group.permissions.add(
        *(
            Permission.objects.get(
                content_type__app_label=app_label, codename=f"{action}_{model}"
            )
            for app_label, models in EDITOR_PERMISSIONS.items()
            for model, actions in models.items()
            for action in actions
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0001_initial"),
        ("correction_desk", "0003_policy"),
        ("newsroom", "0001_note_versions"),
    ]

    operations = [migrations.RunPython(create_editors_group, migrations.RunPython.noop)]
