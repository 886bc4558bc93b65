from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_author_bio_per_language")]

    operations = [
        migrations.RemoveField(model_name="articleversion", name="correction_note")
    ]
