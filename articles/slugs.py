"""German-aware slugs: "Außenminister über Kursk" -> "aussenminister-ueber-kursk"."""

from django.utils.text import slugify

# Django's slugify drops umlauts to their base letter ("über" -> "uber"), which reads
# wrongly in German; the conventional transliteration keeps the sound.
GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def slugify_german(text: str, max_length: int = 200) -> str:
    """Return an ASCII slug that transliterates German umlauts and sharp s."""
    slug = slugify(text.translate(GERMAN_TRANSLITERATION))
    return slug[:max_length].strip("-")


def unique_slug(text: str, taken, max_length: int = 200) -> str:
    """Return a slug for `text` for which `taken(slug)` is false, adding -2, -3 …"""
    base = slugify_german(text, max_length) or "artikel"
    candidate, counter = base, 2
    while taken(candidate):
        suffix = f"-{counter}"
        candidate = base[: max_length - len(suffix)].strip("-") + suffix
        counter += 1
    return candidate
