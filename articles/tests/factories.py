from datetime import timedelta

import factory
from django.utils import timezone

from articles.models import Article, Author, Section
from articles.services import article_save, author_save, picture_save, section_save


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Ressort {n}")
    slug = factory.Sequence(lambda n: f"ressort-{n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Found or made, then stored as the admin stores it (pages purged).
        return section_save(super()._create(model_class, *args, **kwargs))


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Autorin {n}")
    bio = "Schreibt über Politik."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return author_save(model_class(*args, **kwargs))


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

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # As the admin and the desk store articles: slug, versions, purges.
        return article_save(model_class(*args, **kwargs))

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

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return picture_save(model_class(*args, **kwargs))
