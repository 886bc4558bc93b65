"""Nothing but pixels: every metadata block an upload can carry is gone from the
stored picture and from every rendition, whatever the format."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms, PngImagePlugin

from articles.models import Picture

pytestmark = pytest.mark.django_db

SECRET = b"GEHEIM-4711"
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf='
    b'"http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description>'
    + SECRET
    + b"</rdf:Description></rdf:RDF></x:xmpmeta>"
)
POLYGLOT = b"<html><script>alert(1)</script>" + SECRET + b"</html>"


def exif_with_location() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = SECRET.decode()
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 31.0, 12.0)
    return exif


ICC_SIGNATURE = b"acsp"  # in every ICC profile's header


def icc_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def encoded(format, trailer=b"", **options) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (900, 500), "darkolivegreen").save(out, format, **options)
    return out.getvalue() + trailer


def png_with_text() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", SECRET.decode())
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    return encoded("PNG", pnginfo=info, icc_profile=icc_profile())


UPLOADS = {
    "jpeg-exif-gps": lambda: encoded("JPEG", exif=exif_with_location()),
    "jpeg-xmp": lambda: encoded("JPEG", xmp=XMP),
    "jpeg-icc": lambda: encoded("JPEG", icc_profile=icc_profile()),
    "jpeg-comment": lambda: encoded("JPEG", comment=SECRET),
    "jpeg-html-polyglot": lambda: encoded("JPEG", trailer=POLYGLOT, comment=POLYGLOT),
    "png-text-xmp-icc": png_with_text,
    "webp-exif-xmp-icc": lambda: encoded(
        "WEBP", exif=exif_with_location(), xmp=XMP, icc_profile=icc_profile()
    ),
}


@pytest.mark.parametrize("kind", UPLOADS)
def test_no_metadata_block_survives_in_the_picture_or_its_renditions(
    make_picture, kind
):
    data = UPLOADS[kind]()
    assert SECRET in data or ICC_SIGNATURE in data  # the upload does carry it
    extension = kind.split("-")[0].replace("jpeg", "jpg")
    picture = make_picture(
        image=SimpleUploadedFile(f"bild.{extension}", data, f"image/{extension}")
    )
    picture = Picture.objects.get(pk=picture.pk)
    files = [picture.image.name] + [
        name for sizes in picture.renditions.values() for _width, name in sizes
    ]
    assert len(files) > 3
    for name in files:
        with default_storage.open(name) as stored:
            content = stored.read()
        assert SECRET not in content and ICC_SIGNATURE not in content, name
        assert b"<script" not in content and b"<html" not in content, name
        with Image.open(io.BytesIO(content)) as image:
            kept = set(image.info) & {"exif", "xmp", "icc_profile", "comment",
                                      "XML:com.adobe.xmp", "Comment"}  # fmt: skip
            assert not kept, (name, kept)
            assert not image.getexif(), name


def test_a_larger_upload_is_kept_at_twice_the_widest_rendition(make_picture):
    from articles.pictures import STORED_LONGEST_SIDE

    out = io.BytesIO()
    Image.new("RGB", (6000, 3000), "navy").save(out, "JPEG")
    picture = make_picture(image=SimpleUploadedFile("gross.jpg", out.getvalue()))
    assert (picture.width, picture.height) == (STORED_LONGEST_SIDE, 1600)
    assert picture.renditions["jpeg"][-1][0] == 1600


def test_where_a_worker_runs_tasks_renditions_are_its_and_pages_say_so_meanwhile(
    client,
    make_picture,
    make_article,
    waiting_queue,
    django_capture_on_commit_callbacks,
):
    from articles import pictures

    with django_capture_on_commit_callbacks(execute=True):
        picture = make_picture(image=SimpleUploadedFile("b.jpg", encoded("JPEG")))
        article = make_article(lead_picture=picture)
    assert picture.renditions == {}  # nothing rendered in the web worker
    page = client.get(article.get_absolute_url()).text
    assert "Bild wird vorbereitet" in page
    assert picture.caption in page and picture.credit in page

    (queued,) = waiting_queue.waiting(pictures.render_later)
    with django_capture_on_commit_callbacks(execute=True):
        assert pictures.render_later.call(*queued.args) == "rendered"
    picture.refresh_from_db()
    assert set(picture.renditions) == {"avif", "webp", "jpeg"}
    page = client.get(article.get_absolute_url()).text  # purged by the save
    assert "Bild wird vorbereitet" not in page
    assert picture.renditions["avif"][0][1] in page


def test_without_a_worker_the_renditions_are_made_at_once(make_picture):
    picture = make_picture(image=SimpleUploadedFile("b.jpg", encoded("JPEG")))
    assert set(picture.renditions) == {"avif", "webp", "jpeg"}


def test_a_picture_too_large_to_decode_is_refused_in_german(client, editor, settings):
    settings.NEWSROOM_PICTURE_MAX_DECODED_BYTES = 1_000_000
    out = io.BytesIO()
    Image.new("RGBA", (800, 800), (1, 2, 3, 4)).save(out, "PNG")
    client.force_login(editor)
    answer = client.post(
        "/admin/articles/picture/add/",
        {
            "image": SimpleUploadedFile("gross.png", out.getvalue()),
            "alt_text": "Ein Bild.", "caption": "Unterschrift", "credit": "Foto: A",
        },
    )  # fmt: skip
    assert answer.status_code == 200
    assert "zu groß, um es vorzubereiten" in answer.text
    assert "Unterschrift" in answer.text
    assert not Picture.objects.exists()
