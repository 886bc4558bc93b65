from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from articles.feeds import FEED_LENGTH, SITE_NAME, tag_uri
from articles.models import Article

from .models import CorrectionNote


class CorrectionFeed(Feed):
    """The latest published correction notes on articles in the page's language."""

    def title(self):
        return f"{SITE_NAME} – {_('Corrections')}"

    def description(self):
        return _("Every correction, clarification and update we have published.")

    def link(self):
        return reverse("corrections:log")

    def items(self):
        return (
            CorrectionNote.objects.published()
            .filter(
                article__in=Article.objects.published(),
                article__language=get_language(),
            )
            .select_related("article__section")
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, note):
        return f"{note.get_kind_display()}: {note.article.title}"

    def item_description(self, note):
        return note.text

    def item_link(self, note):
        return note.get_absolute_url()

    def item_guid(self, note):
        return tag_uri("correction", note.pk)

    item_guid_is_permalink = False

    def item_pubdate(self, note):
        return note.published_at

    def item_updateddate(self, note):
        return note.published_at

    def item_categories(self, note):
        return [note.get_kind_display(), note.article.section.name]


class CorrectionAtomFeed(CorrectionFeed):
    feed_type = Atom1Feed
    subtitle = CorrectionFeed.description
