from django.db import migrations, models

from articles.markdown import render_markdown


def render_earlier_versions(apps, schema_editor):
    ArticleVersion = apps.get_model("articles", "ArticleVersion")
    for version in ArticleVersion.objects.only("body").iterator(chunk_size=500):
        ArticleVersion.objects.filter(pk=version.pk).update(
            body_html=render_markdown(version.body)
        )


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_pictures")]

    operations = [
        migrations.AddField(
            model_name="articleversion",
            name="body_html",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(render_earlier_versions, migrations.RunPython.noop),
    ]
