from datetime import timedelta

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from .models import Article, Author, Section

NEWS_WINDOW = timedelta(hours=48)


class ArticleSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return Article.objects.published().only(
            "slug", "language", "published_at", "revised_at"
        )

    def location(self, article):
        return article.canonical_path()

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

    def items(self):
        return [
            "articles:front",
            "corrections:log",
            "corrections:policy",
            "corrections:privacy",
        ]

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
