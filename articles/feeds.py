"""RSS and Atom feeds of the latest articles, site-wide and per section."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Article, Section
from .websub import AtomWithHub, RssWithHub

FEED_LENGTH = 30


def tag_uri(kind: str, pk: int) -> str:
    """A stable id (RFC 4151) that survives changes of headline, slug or host."""
    return f"tag:newsroom,2024:{kind}:{pk}"


class ArticleFeed(Feed):
    """The latest articles in the page's language."""

    feed_type = RssWithHub

    def title(self):
        return f"{settings.SITE_NAME} – {_('Latest news')}"

    def description(self):
        return _("The latest articles from %(site)s.") % {"site": settings.SITE_NAME}

    def link(self):
        return reverse("articles:front")

    def articles(self):
        return Article.objects.published().filter(language=get_language())

    def items(self):
        return self.articles().for_listing()[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.lead

    def item_link(self, article):
        return article.get_absolute_url()

    def item_guid(self, article):
        return tag_uri("article", article.pk)

    item_guid_is_permalink = False

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.revised_at or article.published_at

    def item_author_name(self, article):
        return ", ".join(author.name for author in article.authors.all())

    def item_categories(self, article):
        return [article.section.name]


class ArticleAtomFeed(ArticleFeed):
    feed_type = AtomWithHub
    subtitle = ArticleFeed.description


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, slug=slug)

    def title(self, section):
        return f"{settings.SITE_NAME} – {section.name}"

    def link(self, section):
        return section.get_absolute_url()

    def items(self, section):
        return self.articles().filter(section=section).for_listing()[:FEED_LENGTH]


class SectionAtomFeed(SectionFeed):
    feed_type = AtomWithHub
    subtitle = ArticleFeed.description
