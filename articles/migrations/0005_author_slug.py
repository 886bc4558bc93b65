from django.db import migrations, models


def fill_slugs(apps, schema_editor):
    from articles.slugs import unique_slug

    Author = apps.get_model("articles", "Author")
    taken = set()
    for author in Author.objects.order_by("pk"):
        author.slug = unique_slug(author.name, taken.__contains__, max_length=160)
        taken.add(author.slug)
        author.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_article_versions")]

    operations = [
        migrations.AddField(
            model_name="author",
            name="slug",
            # No index yet: the unique constraint below brings its own (on
            # PostgreSQL, an index here would collide with it).
            field=models.SlugField(
                blank=True, db_index=False, max_length=160, verbose_name="slug"
            ),
        ),
        migrations.RunPython(fill_slugs, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="author",
            name="slug",
            field=models.SlugField(
                blank=True,
                help_text="Part of the address. Filled in from the name when empty.",
                max_length=160,
                unique=True,
                verbose_name="slug",
            ),
        ),
    ]
