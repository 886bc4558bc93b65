"""Reports and notes reach their content through a generic relation.

Each report and note keeps what it was about: the content type of the model
its old `article` foreign key pointed to, the same id, and, copied from the
content, the desk (the article's section) and, for notes, the language.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast


def to_content(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in ("Report", "CorrectionNote"):
        model = apps.get_model("corrections", name)
        target = model._meta.get_field("article").related_model
        content_type, _ = ContentType.objects.get_or_create(
            app_label=target._meta.app_label, model=target._meta.model_name
        )
        of_row = target.objects.filter(pk=OuterRef("article_id"))
        changes = {
            "content_type_id": content_type.pk,
            "object_id": Cast("article_id", CharField()),
            "desk": Subquery(of_row.values("section__slug")[:1]),
        }
        if name == "CorrectionNote":
            changes["language"] = Subquery(of_row.values("language")[:1])
        model.objects.update(**changes)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0001_initial"),
        ("corrections", "0023_grouping_reads_open_reports"),
    ]

    operations = [
        migrations.AddField(
            model_name="correctionnote",
            name="content_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="content type",
            ),
        ),
        migrations.AddField(
            model_name="correctionnote",
            name="object_id",
            field=models.CharField(
                default="", max_length=64, verbose_name="content id"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="correctionnote",
            name="desk",
            field=models.CharField(blank=True, max_length=100, verbose_name="desk"),
        ),
        migrations.AddField(
            model_name="correctionnote",
            name="language",
            field=models.CharField(
                choices=[("de", "German"), ("en", "English")],
                default="de",
                max_length=5,
                verbose_name="language",
            ),
        ),
        migrations.AddField(
            model_name="correctionnote",
            name="compare_from",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="The version before the first change this note stands for.",
                null=True,
                verbose_name="changed from version",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="content_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="content type",
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="object_id",
            field=models.CharField(
                default="", max_length=64, verbose_name="content id"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="report",
            name="desk",
            field=models.CharField(blank=True, max_length=100, verbose_name="desk"),
        ),
        migrations.RunPython(to_content, migrations.RunPython.noop, elidable=False),
        migrations.RemoveIndex(model_name="report", name="report_open_of_article_idx"),
        migrations.RemoveField(model_name="correctionnote", name="article"),
        migrations.RemoveField(model_name="report", name="article"),
        migrations.AlterField(
            model_name="correctionnote",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="content type",
            ),
        ),
        migrations.AlterField(
            model_name="report",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="content type",
            ),
        ),
        migrations.AddIndex(
            model_name="correctionnote",
            index=models.Index(
                fields=["content_type", "object_id"], name="note_content_idx"
            ),
        ),
        migrations.AddIndex(
            model_name="report",
            index=models.Index(
                fields=["content_type", "object_id", "status", "-created_at"],
                name="report_open_of_content_idx",
            ),
        ),
    ]
