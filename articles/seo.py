"""Pages for machines: robots.txt, the web app manifest and /favicon.ico."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET


@require_GET
def robots_txt(request):
    absolute = request.build_absolute_uri
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        # Private status pages and the form's submit address are not for indexes.
        "Disallow: /meldung/",
        "Disallow: /en/report/",
        "Disallow: /melden/",
        "Disallow: /*/melden/",
        "Disallow: /*/report/",
        "",
        f"Sitemap: {absolute(reverse('sitemap'))}",
        f"Sitemap: {absolute(reverse('sitemap-news'))}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )


# The site's accent colour (assets/scss/newsroom.scss, $nr-accent).
THEME_COLOUR = "#a4161a"


@require_GET
def web_manifest(request):
    """What a phone needs to put the site on its home screen."""
    icons = [
        {"src": static(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}",
         "type": "image/png"}
        for size in (192, 512)
    ]  # fmt: skip
    icons.append(
        {"src": static("icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"}
    )
    manifest = {
        "name": settings.SITE_NAME,
        "short_name": settings.SITE_NAME,
        "lang": settings.LANGUAGE_CODE,
        "start_url": reverse("articles:front"),
        "display": "browser",
        "theme_color": THEME_COLOUR,
        "background_color": "#ffffff",
        "icons": icons,
    }
    response = JsonResponse(manifest, content_type="application/manifest+json")
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response


@require_GET
def favicon(request):
    """/favicon.ico, which feed readers, bookmarks and old browsers ask for
    whatever the page's <link rel="icon"> says."""
    with open(finders.find("icons/favicon.ico"), "rb") as icon:
        response = HttpResponse(icon.read(), content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=7 * 24 * 60 * 60)
    return response
