"""Pictures in articles: checked uploads, renditions made once, and their HTML.

An upload is refused unless Pillow reads it as a JPEG, PNG, WebP or AVIF image
within the size and pixel limits. What is stored is the picture re-encoded
without any metadata: a camera's EXIF (its GPS position above all) never
reaches the site. From it, each width in PICTURE_WIDTHS up to the picture's own
is written once as AVIF, WebP and JPEG, through Django's default storage, under
names that change with the picture (`v/<hash of the picture>-<width>.<format>`),
so that they may be cached for ever.

A body places a picture with a line of its own, `![](bild:12)`. Its HTML, and
the lead picture's, is made when the article is saved, as the body's is: a
page costs nothing more to render for having pictures.
"""

import hashlib
import io
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "AVIF"}
PICTURE_WIDTHS = (480, 800, 1200, 1600)
# Best first: a browser takes the first <source> it can show.
RENDITION_FORMATS = (
    ("avif", "image/avif", {"quality": 55, "speed": 8}),
    ("webp", "image/webp", {"quality": 76, "method": 4}),
    ("jpeg", "image/jpeg", {"quality": 80, "optimize": True, "progressive": True}),
)
# The column the text runs in (.site-main, 46rem less its padding), and a phone.
SIZES = "(min-width: 47rem) 44.5rem, calc(100vw - 1.5rem)"
BODY_PICTURE = re.compile(r"^!\[[^\]\n]*\]\(bild:(\d{1,10})\)[ \t]*$", re.M)
PLACEHOLDER = "NEWSROOMPICTURE{}END"


def check_upload(upload) -> None:
    """Refuse what is not a picture we can show, or is too large to handle.

    (The codes are our own: a ModelForm shows its form field's message instead
    for a code the field knows, such as "invalid".)
    """
    if upload.size > settings.NEWSROOM_PICTURE_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)d MB."),
            code="too_large",
            params={"limit": settings.NEWSROOM_PICTURE_MAX_BYTES // 1_000_000},
        )
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            kind, (width, height) = image.format, image.size
            if kind not in ACCEPTED_FORMATS:
                raise ValidationError(
                    _("Only JPEG, PNG, WebP and AVIF pictures can be used."),
                    code="unsupported_format",
                )
            if width * height > settings.NEWSROOM_PICTURE_MAX_PIXELS:
                raise ValidationError(
                    _("The picture has more than %(limit)d megapixels."),
                    code="too_many_pixels",
                    params={"limit": settings.NEWSROOM_PICTURE_MAX_PIXELS // 10**6},
                )
            image.verify()
        upload.seek(0)
        # verify() reads the structure only: a cut-off file passes it.
        with Image.open(upload) as image:
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not a picture, or it is damaged."), code="damaged"
        ) from error
    finally:
        upload.seek(0)


def without_metadata(upload) -> tuple[ContentFile, int, int]:
    """The picture re-encoded with nothing but its pixels, turned upright."""
    upload.seek(0)
    with Image.open(upload) as image:
        upright = ImageOps.exif_transpose(image)
        transparent = upright.mode in ("RGBA", "LA", "P") and image.format == "PNG"
        out = io.BytesIO()
        if transparent:
            upright.convert("RGBA").save(out, "PNG", optimize=True)
            extension = "png"
        else:
            upright.convert("RGB").save(out, "JPEG", quality=92, optimize=True)
            extension = "jpg"
        width, height = upright.size
    data = out.getvalue()
    digest = hashlib.sha256(data).hexdigest()[:10]
    return ContentFile(data, name=f"{digest}.{extension}"), width, height


def make_renditions(picture) -> dict:
    """Write the picture's renditions; return {format: [[width, name], ...]}."""
    widths = [w for w in PICTURE_WIDTHS if w < picture.width]
    widths.append(min(picture.width, PICTURE_WIDTHS[-1]))
    stem = picture.image.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    made: dict[str, list] = {}
    with picture.image.open("rb") as source, Image.open(source) as original:
        original.load()
        for width in widths:
            height = round(picture.height * width / picture.width)
            resized = original.convert("RGB").resize((width, height), Image.LANCZOS)
            for extension, _mime, options in RENDITION_FORMATS:
                out = io.BytesIO()
                resized.save(out, extension.upper(), **options)
                name = default_storage.save(
                    f"v/{stem}-{width}.{extension}",
                    ContentFile(out.getvalue()),
                )
                made.setdefault(extension, []).append([width, name])
    return made


def delete_renditions(renditions: dict) -> None:
    for sizes in renditions.values():
        for _width, name in sizes:
            default_storage.delete(name)


def picture_html(picture, *, lead: bool = False) -> str:
    """<figure> with <picture>: AVIF and WebP sources, a JPEG <img> for the rest.

    The lead picture is fetched first (it is the largest thing above the fold);
    body pictures load when the reader nears them. Width and height give the
    browser the shape before the bytes, so nothing moves when they arrive.
    """
    renditions = picture.renditions
    if not renditions:
        return ""

    def srcset(extension):
        return ", ".join(
            f"{default_storage.url(name)} {width}w"
            for width, name in renditions[extension]
        )

    sources = "".join(
        f'<source type="{mime}" srcset="{escape(srcset(extension))}" sizes="{SIZES}">'
        for extension, mime, _options in RENDITION_FORMATS[:-1]
        if extension in renditions
    )
    # The JPEG is for browsers that show neither AVIF nor WebP: one width does.
    jpegs = renditions["jpeg"]
    fallback = next((name for width, name in jpegs if width >= 800), jpegs[-1][1])
    width, height = jpegs[-1][0], round(picture.height * jpegs[-1][0] / picture.width)
    loading = 'fetchpriority="high"' if lead else 'loading="lazy"'
    image = (
        f'<img src="{escape(default_storage.url(fallback))}" width="{width}" '
        f'height="{height}" alt="{escape(picture.alt_text)}" {loading}>'
    )
    # The whole caption is a part readers can report, the credit one of its own.
    caption = (
        f'<span class="picture-caption">{escape(picture.caption)}</span> '
        if picture.caption
        else ""
    )
    credit = (
        f'<span class="picture-credit" data-report-part="credit">'
        f"{escape(picture.credit)}</span>"
    )
    kind = "lead-figure" if lead else "body-figure"
    return (
        f'<figure class="{kind}"><picture>{sources}{image}</picture>'
        f'<figcaption data-report-part="caption">{caption}{credit}</figcaption>'
        "</figure>"
    )


def largest(picture) -> tuple[str, int, int]:
    """The largest JPEG rendition: its address, width and height."""
    width, name = picture.renditions["jpeg"][-1]
    return (
        default_storage.url(name),
        width,
        round(picture.height * width / picture.width),
    )


def body_picture_ids(body: str) -> list[int]:
    return [int(number) for number in BODY_PICTURE.findall(body)]


def with_placeholders(body: str) -> str:
    """The body with each picture line a word the Markdown keeps as it is."""
    return BODY_PICTURE.sub(lambda m: PLACEHOLDER.format(m.group(1)), body)


def put_pictures(html: str, pictures: dict) -> str:
    """Replace the placeholders in the rendered body with the pictures' HTML
    (a picture that no longer exists leaves nothing)."""

    def figure(match):
        picture = pictures.get(int(match.group(1)))
        return picture_html(picture) if picture else ""

    return re.sub(r"<p>" + PLACEHOLDER.format(r"(\d+)") + r"</p>", figure, html)


def picture_text(pictures) -> str:
    """What readers read of the pictures: captions and credits, one a line."""
    return "\n".join(
        " ".join(part for part in (p.caption.strip(), p.credit.strip()) if part)
        for p in pictures
    )
