from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from .models import Article, Author, Section

NEWS_WINDOW = timedelta(hours=48)


class ArticleSitemap(Sitemap):
    """Each article at its address in its own edition; one with a translation
    names both as alternates (hreflang), as its page does."""

    changefreq = "daily"

    def items(self):
        return (
            Article.objects.published()
            .select_related("translation")
            .only(
                "slug", "language", "published_at", "revised_at",
                "translation__slug", "translation__language",
                "translation__status", "translation__published_at",
            )
        )  # fmt: skip

    def location(self, article):
        return article.canonical_path()

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            article, translated = url["item"], url["item"].translation
            if translated is None or not translated.is_public:
                continue
            origin = url["location"].removesuffix(article.canonical_path())
            url["alternates"] = [
                {"lang_code": a.language, "location": origin + a.canonical_path()}
                for a in (article, translated)
            ]
        return urls

    def lastmod(self, article):
        return article.revised_at or article.published_at


class NewsSitemap(ArticleSitemap):
    """Articles of the last 48 hours, for Google News (its own XML namespace)."""

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        return Article.objects.published().filter(published_at__gte=since)


class SectionSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Section.objects.all()


class PageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    # URL names of other pages; the project adds those of its other apps.
    names = ["articles:front"]

    def items(self):
        return self.names

    def location(self, name):
        return reverse(name)


class AuthorSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Author.objects.filter(
            articles__in=Article.objects.published()
        ).distinct()


SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "authors": AuthorSitemap,
    "pages": PageSitemap,
}
