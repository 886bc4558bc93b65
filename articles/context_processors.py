from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from .models import Section


def navigation(request):
    """Offer sections and language links to every page, computed only when used."""

    def language_links():
        return [
            (
                code,
                get_language_info(code)["name_local"],
                translate_url(request.path, code),
            )
            for code, _name in settings.LANGUAGES
        ]

    return {"nav_sections": Section.objects.all, "language_links": language_links}
