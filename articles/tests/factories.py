from datetime import timedelta

import factory
from django.utils import timezone

from articles.models import Article, Author, Section


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Ressort {n}")
    slug = factory.Sequence(lambda n: f"ressort-{n}")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Autorin {n}")
    bio = "Schreibt über Politik."


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article, an hour old, by one author."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Überschrift Nummer {n}")
    kicker = "Dachzeile"
    lead = "Ein Vorspann, der neugierig macht."
    body = "Erster Absatz.\n\n## Zwischentitel\n\nZweiter Absatz mit einem Satz."
    section = factory.SubFactory(SectionFactory)
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create:
            self.authors.set(extracted if extracted is not None else [AuthorFactory()])


def picture_file(width=1000, height=600, color="steelblue", format="JPEG", exif=None):
    """An image file as a camera or an editor's computer would give one."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    out = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", (width, height), color).save(out, format, **options)
    extension = {"JPEG": "jpg"}.get(format, format.lower())
    return SimpleUploadedFile(
        f"foto.{extension}", out.getvalue(), content_type=f"image/{extension}"
    )


class PictureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "articles.Picture"

    image = factory.LazyFunction(picture_file)
    alt_text = "Ein Feld unter blauem Himmel."
    caption = factory.Sequence(lambda n: f"Bildunterschrift {n}")
    credit = "Foto: Anna Beispiel"
