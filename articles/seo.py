"""Pages for machines: robots.txt."""

from django.http import HttpResponse
from django.urls import reverse
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
        "Disallow: /*/melden/",
        "Disallow: /*/report/",
        "",
        f"Sitemap: {absolute(reverse('sitemap'))}",
        f"Sitemap: {absolute(reverse('sitemap-news'))}",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )
