from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import pgettext_lazy
from django.views.generic import RedirectView

from articles.seo import favicon, robots_txt, web_manifest
from articles.sitemaps import SITEMAPS, NewsSitemap, PageSitemap
from newsroom import desk
from newsroom.media import media
from pagecache import NoParameters, public_page


class SitePageSitemap(PageSitemap):
    names = [
        *PageSitemap.names,
        "correction_desk:log",
        "correction_desk:policy",
        "correction_desk:privacy",
    ]


SITE_SITEMAPS = {**SITEMAPS, "pages": SitePageSitemap}

# German pages live at the root, English ones under /en/.
urlpatterns = [
    # Editors' bookmarks from before the desk's rename (README, "Why the name").
    path(
        "admin/corrections/<path:rest>",
        RedirectView.as_view(
            url="/admin/correction_desk/%(rest)s", permanent=True, query_string=True
        ),
    ),
    path("admin/", admin.site.urls),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media, name="media"),
    # The transparency log and Memento: addresses programs keep, in no language.
    path("transparency/", include("correction_desk.transparency.urls")),
    # The form and notes on sites that do not run Django (README, "An embed").
    path("embed/", include("correction_desk.embed.urls")),
    path("robots.txt", robots_txt, name="robots"),
    path("favicon.ico", favicon, name="favicon"),
    path("manifest.webmanifest", web_manifest, name="manifest"),
    path("sitemap.xml", sitemap, {"sitemaps": SITE_SITEMAPS}, name="sitemap"),
    path(
        "sitemap-news.xml",
        sitemap,
        {"sitemaps": {"news": NewsSitemap}, "template_name": "sitemaps/news.xml"},
        name="sitemap-news",
    ),
    *i18n_patterns(
        path("", include("articles.urls")),
        # An article's corrections record at the article's own address.
        path(
            pgettext_lazy("URL", "article/<slug:slug>/corrections.json"),
            public_page(desk.article_corrections_record, NoParameters),
            name="article-corrections-record",
        ),
        path("", include("correction_desk.urls")),
        path("", include("search.urls")),
        prefix_default_language=False,
    ),
]

handler403 = "newsroom.errors.permission_denied"
handler404 = "newsroom.errors.page_not_found"
handler500 = "newsroom.errors.server_error"
