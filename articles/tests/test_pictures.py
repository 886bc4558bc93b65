"""Pictures: what an upload must be, what is kept of it, and how pages show it."""

import io
import json
import os
import re

import pytest
from django.core.files.storage import default_storage
from PIL import ExifTags, Image

from articles.models import Article, Picture
from articles.services import article_save, picture_save
from articles.tests.factories import picture_file

pytestmark = pytest.mark.django_db


def camera_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Kamera GmbH"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 31.0, 12.0)
    return exif


def upload(client, editor, image, **fields):
    client.force_login(editor)
    data = {
        "image": image,
        "alt_text": "Zwei Störche auf einem Dach.",
        "caption": "Störche in Lindenfeld, im Mai.",
        "credit": "Foto: Anna Beispiel",
        **fields,
    }
    return client.post("/admin/articles/picture/add/", data)


def test_an_upload_loses_its_location_and_gets_renditions(client, editor):
    response = upload(client, editor, picture_file(1300, 700, exif=camera_exif()))
    assert response.status_code == 302
    picture = Picture.objects.get()
    with picture.image.open("rb") as stored, Image.open(stored) as image:
        assert dict(image.getexif()) == {}
        assert image.size == (1300, 700)
    assert (picture.width, picture.height) == (1300, 700)
    for extension, mime in (("avif", "AVIF"), ("webp", "WEBP"), ("jpeg", "JPEG")):
        sizes = picture.renditions[extension]
        assert [width for width, _ in sizes] == [480, 800, 1200, 1300]
        for width, name in sizes:
            with default_storage.open(name) as stored, Image.open(stored) as image:
                assert image.format == mime
                assert image.size == (width, round(700 * width / 1300))
                assert ExifTags.IFD.GPSInfo not in image.getexif()


def test_a_small_picture_is_never_enlarged(make_picture):
    picture = make_picture(image=picture_file(400, 300))
    assert [w for w, _ in picture.renditions["jpeg"]] == [400]


@pytest.mark.parametrize(
    "image, message",
    [
        (
            lambda: picture_file(format="GIF"),
            "Nur Bilder im Format JPEG, PNG, WebP oder AVIF",
        ),
        (lambda: _not_a_picture(), "Bitte ein gültiges Bild hochladen."),
        (lambda: _truncated(), "Diese Datei ist kein Bild oder beschädigt."),
        (lambda: picture_file(3000, 2000), "mehr als 5 Megapixel"),
    ],
)
def test_refused_uploads_say_why_in_german_and_keep_the_texts(
    client, editor, settings, image, message
):
    settings.NEWSROOM_PICTURE_MAX_PIXELS = 5_000_000
    response = upload(client, editor, image())
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Störche in Lindenfeld, im Mai." in html  # what the editor typed
    assert not Picture.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, editor, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.NEWSROOM_PICTURE_MAX_BYTES = 1_000_000
    out = io.BytesIO()
    noise = Image.frombytes("RGB", (700, 700), os.urandom(700 * 700 * 3))
    noise.save(out, "PNG")
    assert out.tell() > 1_000_000
    big = SimpleUploadedFile("rauschen.png", out.getvalue(), "image/png")
    response = upload(client, editor, big)
    assert "Die Datei ist größer als 1 MB." in response.content.decode()
    assert not Picture.objects.exists()


def test_alt_text_and_credit_are_required(client, editor):
    response = upload(client, editor, picture_file(), alt_text="", credit="")
    assert response.status_code == 200
    assert (
        response.content.decode().count("Dieses Feld ist zwingend erforderlich.") == 2
    )


def _not_a_picture():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("foto.jpg", b"<?php system($_GET['c']); ?>", "image/jpeg")


def _truncated():
    from django.core.files.uploadedfile import SimpleUploadedFile

    out = io.BytesIO()
    Image.effect_noise((800, 600), 60).convert("RGB").save(out, "JPEG")
    whole = out.getvalue()
    return SimpleUploadedFile("foto.jpg", whole[: len(whole) // 3], "image/jpeg")


def figures(html):
    return re.findall(r"<figure.*?</figure>", html, re.S)


def test_article_page_shows_lead_and_body_pictures(client, make_article, make_picture):
    lead = make_picture(image=picture_file(1600, 900), caption="Die Grenze bei Kursk.")
    inside = make_picture(caption='Ein "Zitat" & <b>mehr</b>')
    article = make_article(
        lead_picture=lead, body=f"Erster Absatz.\n\n![](bild:{inside.pk})\n\nZweiter."
    )
    html = client.get(article.get_absolute_url()).content.decode()
    lead_html, body_html = figures(html)

    assert '<source type="image/avif" srcset="/medien/' in lead_html
    assert '<source type="image/webp"' in lead_html
    assert re.search(r'<img src="[^"]+-800\.jpeg" width', lead_html)
    assert 'width="1600" height="900"' in lead_html and "sizes=" in lead_html
    assert 'fetchpriority="high"' in lead_html and "loading=" not in lead_html
    assert 'loading="lazy"' in body_html and "fetchpriority" not in body_html
    assert (
        '<figcaption data-report-part="caption"><span class="picture-caption">'
        "Die Grenze bei Kursk.</span>"
    ) in lead_html
    assert 'data-report-part="credit">Foto: Anna Beispiel</span>' in lead_html
    assert "Ein &quot;Zitat&quot; &amp; &lt;b&gt;mehr&lt;/b&gt;" in body_html
    assert html.index("Erster Absatz.") < html.index(body_html) < html.index("Zweiter.")
    assert '<meta property="og:image" content="http://testserver/medien/' in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    )
    assert data["image"]["@type"] == "ImageObject"
    assert data["image"]["creditText"] == "Foto: Anna Beispiel"
    assert (data["image"]["width"], data["image"]["height"]) == (1600, 900)
    assert data["image"]["url"].endswith("-1600.jpeg")


def test_a_picture_that_is_gone_leaves_nothing(client, make_article):
    article = make_article(body="Text.\n\n![](bild:999)\n\nMehr.")
    html = client.get(article.get_absolute_url()).content.decode()
    assert figures(html) == [] and "NEWSROOMPICTURE" not in html


def test_pictures_cost_the_page_no_query(
    client, make_article, make_picture, django_assert_num_queries
):
    plain = make_article()
    with django_assert_num_queries(4) as without:
        client.get(plain.get_absolute_url())
    one, two = make_picture(), make_picture()
    pictured = make_article(lead_picture=one, body=f"A.\n\n![](bild:{two.pk})\n")
    with django_assert_num_queries(len(without.captured_queries)):
        client.get(pictured.get_absolute_url())


def test_renditions_are_made_once(client, make_article, make_picture):
    picture = make_picture()
    made = sorted(name for sizes in picture.renditions.values() for _, name in sizes)
    article = make_article(lead_picture=picture)
    article.lead = "Ein anderer Vorspann."
    article_save(article)
    client.get(article.get_absolute_url())
    picture.refresh_from_db()
    assert sorted(n for sizes in picture.renditions.values() for _, n in sizes) == made
    files = default_storage.listdir("v")[1]
    assert len(files) == len(made)


def test_a_new_caption_is_a_new_version_and_shows_at_once(
    client, make_article, make_picture, editor
):
    picture = make_picture(caption="Wladimir Putin in Kursk.")
    article = make_article(lead_picture=picture)
    assert "Wladimir Putin" in client.get(article.get_absolute_url()).content.decode()

    picture.caption = "Alexander Chinschtein in Kursk."
    picture_save(picture, editor=editor)

    article.refresh_from_db()
    assert article.revision == 2
    old = article.versions.get()
    assert old.picture_text == "Wladimir Putin in Kursk. Foto: Anna Beispiel"
    assert old.replaced_by == editor
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Alexander Chinschtein" in html and "Wladimir Putin" not in html
    versions = client.get(f"/artikel/{article.slug}/versionen/").content.decode()
    assert "<del" in versions and "Wladimir" in versions and "Chinschtein" in versions


def test_a_draft_using_a_picture_gets_no_version(make_article, make_picture):
    picture = make_picture()
    draft = make_article(lead_picture=picture, status=Article.Status.DRAFT)
    picture.caption = "Anders."
    picture_save(picture)
    draft.refresh_from_db()
    assert draft.revision == 1 and "Anders." in draft.lead_picture_html


def test_renditions_are_served_for_ever_and_nothing_else(client, make_picture):
    picture = make_picture()
    name = picture.renditions["avif"][0][1]
    response = client.get(default_storage.url(name))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/avif"
    assert "immutable" in response["Cache-Control"]
    for path in ("/medien/../newsroom/settings.py", "/medien/%2e%2e/manage.py",
                 "/medien/bilder/fehlt.jpeg"):  # fmt: skip
        assert client.get(path).status_code in (400, 404)


def test_deleting_a_picture_in_use_is_refused(make_article, make_picture):
    from django.db.models import ProtectedError

    picture = make_picture()
    make_article(lead_picture=picture)
    with pytest.raises(ProtectedError):
        picture.delete()
