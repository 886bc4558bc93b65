"""Pictures in articles: checked uploads, renditions made once, and their HTML.

An upload is refused unless Pillow reads it as a JPEG, PNG, WebP or AVIF image
within the size and pixel limits. What is stored is the picture's pixels alone,
re-encoded, at most STORED_LONGEST_SIDE wide or high: no EXIF (a camera's GPS
position above all), XMP, ICC profile (colours are converted to sRGB first),
comment or anything appended to the file reaches the site or its renditions.
From it, each width in PICTURE_WIDTHS up to the picture's own is written once
as AVIF, WebP and JPEG, through Django's default storage, under names that
change with the picture (`v/<hash of the picture>-<width>.<format>`), so that
they may be cached for ever. Where a task worker runs (NEWSROOM_TASKS=database)
the renditions are made there, and pages show "Bild wird vorbereitet" until
they are; a web worker serving readers only decodes the upload once, reduced.

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
from django.tasks import task
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "AVIF"}
PICTURE_WIDTHS = (480, 800, 1200, 1600)
# Twice the widest rendition: what is kept of a larger upload. Decoding reduces
# to it where the format allows (JPEG's DCT scaling), so a 50-megapixel upload
# never becomes a 50-megapixel RGB image in memory.
STORED_LONGEST_SIDE = 2 * PICTURE_WIDTHS[-1]
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
# After purges and pings (readers wait for those), before e-mails.
RENDER_PRIORITY = 30


def check_upload(upload) -> None:
    """Refuse what is not a picture we can show, or is too large to handle.

    (The codes are our own: a ModelForm shows its form field's message instead
    for a code the field knows, such as "invalid".)
    """
    if getattr(upload, "_committed", False):
        return  # the stored file, checked when it was uploaded; its texts changed
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
            limit = (STORED_LONGEST_SIDE, STORED_LONGEST_SIDE)
            image.draft(image.mode, limit)  # JPEG decodes reduced
            decoded = image.size[0] * image.size[1] * len(image.getbands())
            if decoded > settings.NEWSROOM_PICTURE_MAX_DECODED_BYTES:
                raise ValidationError(
                    _(
                        "The picture is too large to prepare: please save it "
                        "smaller (at most %(limit)d pixels wide) or as a JPEG."
                    ),
                    code="too_large_decoded",
                    params={"limit": STORED_LONGEST_SIDE},
                )
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("This file is not a picture, or it is damaged."), code="damaged"
        ) from error
    finally:
        upload.seek(0)


def pixels_only(image: Image.Image, mode: str) -> Image.Image:
    """A new image of `image`'s pixels in `mode` (RGB or RGBA), and nothing else.

    Pillow's writers copy some blocks from an image's `info` unasked (a JPEG's
    comment, XMP, an ICC profile), and `convert()` keeps `info`: an image made
    from the bytes alone has none to copy. Colours described by an ICC profile
    are converted to sRGB first, so that they look as they did.
    """
    icc = image.info.get("icc_profile")
    converted = image.convert(mode)
    if icc:
        try:
            converted = ImageCms.profileToProfile(
                converted,
                ImageCms.ImageCmsProfile(io.BytesIO(icc)),
                ImageCms.createProfile("sRGB"),
                outputMode=mode,
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are
    clean = Image.new(mode, converted.size)
    clean.paste(converted)
    return clean


def without_metadata(upload) -> tuple[ContentFile, int, int]:
    """The picture's pixels alone, turned upright, at most STORED_LONGEST_SIDE."""
    upload.seek(0)
    limit = (STORED_LONGEST_SIDE, STORED_LONGEST_SIDE)
    with Image.open(upload) as image:
        transparent = image.mode in ("RGBA", "LA", "P", "PA") and image.format == "PNG"
        mode = "RGBA" if transparent else "RGB"
        image.draft(mode, limit)  # JPEG: decode at 1/2, 1/4 or 1/8 where it fits
        image.thumbnail(limit, Image.LANCZOS)  # reduced before anything is copied
        ImageOps.exif_transpose(image, in_place=True)
        clean = pixels_only(image, mode)
    out = io.BytesIO()
    if transparent:
        clean.save(out, "PNG", optimize=True)
        extension = "png"
    else:
        clean.save(out, "JPEG", quality=92, optimize=True)
        extension = "jpg"
    width, height = clean.size
    data = out.getvalue()
    digest = hashlib.sha256(data).hexdigest()[:10]
    return ContentFile(data, name=f"{digest}.{extension}"), width, height


def make_renditions(picture) -> dict:
    """Write the picture's renditions; return {format: [[width, name], ...]}."""
    widths = [w for w in PICTURE_WIDTHS if w < picture.width]
    widths.append(min(picture.width, PICTURE_WIDTHS[-1]))
    stem = picture.image.name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    made: dict[str, list] = {}
    with picture.image.open("rb") as source, Image.open(source) as stored:
        original = pixels_only(stored, "RGB")
        for width in widths:
            height = round(picture.height * width / picture.width)
            resized = original.resize((width, height), Image.LANCZOS)
            for extension, _mime, options in RENDITION_FORMATS:
                out = io.BytesIO()
                resized.save(out, extension.upper(), **options)
                name = default_storage.save(
                    f"v/{stem}-{width}.{extension}",
                    ContentFile(out.getvalue()),
                )
                made.setdefault(extension, []).append([width, name])
    return made


@task(priority=RENDER_PRIORITY)
def render_later(picture_id: int) -> str:
    """Make a picture's renditions in the task worker, then show them."""
    from .models import Picture
    from .services import picture_render

    picture = Picture.objects.filter(pk=picture_id).first()
    if picture is None:
        return "gone"
    picture_render(picture)
    return "rendered"


def renders_later() -> bool:
    """Whether a task worker makes renditions (the database queue), or the
    process that saves the picture (the immediate queue of `make run`)."""
    return render_later.get_backend().supports_defer


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
        return pending_html(picture)

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
    kind = "lead-figure" if lead else "body-figure"
    return (
        f'<figure class="{kind}"><picture>{sources}{image}</picture>'
        f"{figcaption(picture)}</figure>"
    )


def pending_html(picture) -> str:
    """Until its renditions are made: the texts, and that the picture follows."""
    waiting = _("Picture is being prepared")
    return (
        '<figure class="body-figure picture-pending">'
        f'<p class="picture-placeholder">{escape(waiting)}</p>'
        f"{figcaption(picture)}</figure>"
    )


def figcaption(picture) -> str:
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
    return f'<figcaption data-report-part="caption">{caption}{credit}</figcaption>'


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
