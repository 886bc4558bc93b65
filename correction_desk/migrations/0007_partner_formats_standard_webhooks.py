import secrets

from django.db import migrations, models

import correction_desk.models


def existing_partners_keep_working(apps, schema_editor):
    """Endpoints from before Standard Webhooks keep their old signature beside
    the new one until an editor unticks it, and each gets its own key."""
    PartnerEndpoint = apps.get_model("correction_desk", "PartnerEndpoint")
    for endpoint in PartnerEndpoint.objects.all():
        endpoint.key = secrets.token_hex(16)
        endpoint.legacy_signature = True
        endpoint.save(update_fields=["key", "legacy_signature"])


class Migration(migrations.Migration):
    dependencies = [
        ("correction_desk", "0006_transparency_log"),
    ]

    operations = [
        migrations.AddField(
            model_name="partnerendpoint",
            name="body_format",
            field=models.CharField(
                choices=[
                    ("record", "JSON (the corrections record)"),
                    ("ninjs", "IPTC ninjs 3.1 (JSON)"),
                    ("newsml", "IPTC NewsML-G2 2.35 (XML)"),
                ],
                default="record",
                help_text="What the partner's system reads.",
                max_length=10,
                verbose_name="format",
            ),
        ),
        migrations.AddField(
            model_name="partnerendpoint",
            name="legacy_signature",
            field=models.BooleanField(
                default=False,
                help_text="Sends the Newsroom-Signature header of before beside "
                "Standard Webhooks', while the partner moves over; untick once it has.",
                verbose_name="also sign the old way",
            ),
        ),
        migrations.AddField(
            model_name="partnerendpoint",
            name="key",
            field=models.CharField(editable=False, max_length=32, null=True),
        ),
        migrations.RunPython(existing_partners_keep_working, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="partnerendpoint",
            name="key",
            field=models.CharField(
                default=correction_desk.models.new_endpoint_key,
                editable=False,
                max_length=32,
                unique=True,
            ),
        ),
        migrations.AlterField(
            model_name="partnerendpoint",
            name="url",
            field=models.URLField(
                help_text="Where the events are sent, as a POST (https).",
                max_length=500,
                verbose_name="address",
            ),
        ),
        migrations.AddField(
            model_name="webhookdelivery",
            name="body",
            field=models.TextField(blank=True, verbose_name="body"),
        ),
        migrations.AddField(
            model_name="webhookdelivery",
            name="content_type",
            field=models.CharField(
                blank=True, max_length=100, verbose_name="content type"
            ),
        ),
    ]
