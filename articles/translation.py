"""Section names and descriptions, and authors' bios: a text per language
(django-modeltranslation).

Each language gets its own column (name_de, name_en), so that a page reads a
section in its language from the same row: no join and no extra query, and
`section.name` is the text of the language being rendered, German where a
translation is missing.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Author, Section


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("bio",)
