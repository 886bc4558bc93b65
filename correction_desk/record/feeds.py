from django.contrib.syndication.views import Feed, add_domain
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from correction_desk import conf
from correction_desk.conf import setting, tag_uri
from correction_desk.models import CorrectionNote
from correction_desk.registry import with_content
from correction_desk.support import websub


class CorrectionFeed(Feed):
    """The latest published correction notes in the page's language."""

    feed_type = websub.RssWithHub

    def title(self):
        name = conf.site_name()
        return f"{name} – {_('Corrections')}" if name else _("Corrections")

    def description(self):
        return _("Every correction, clarification and update we have published.")

    def link(self):
        return reverse("correction_desk:log")

    def get_object(self, request, *args, **kwargs):
        # The feed is one object for every request: the request is passed on.
        return request

    def feed_extra_kwargs(self, request):
        """The transparency log's latest checkpoint (support/websub.py)."""
        from correction_desk.transparency.log import latest_checkpoint

        checkpoint = latest_checkpoint()
        if checkpoint is None:
            return {}
        url = reverse("correction_desk_log:checkpoint-at", args=[checkpoint.size])
        return {
            "checkpoint": checkpoint.note,
            "checkpoint_url": add_domain(request.get_host(), url, request.is_secure()),
        }

    def items(self):
        notes = (
            CorrectionNote.objects.published()
            .on_public_content()
            .filter(language=conf.language())
            .order_by("-published_at", "-pk")[: setting("FEED_LENGTH")]
        )
        return with_content(notes, desk_names=True)

    def item_title(self, note):
        kind = note.get_kind_display()
        if note.withdrawn_at:
            kind = _("%(kind)s (withdrawn)") % {"kind": kind}
        return f"{kind}: {note.content_title}"

    def item_description(self, note):
        if note.withdrawn_at:
            withdrawn = _("Withdrawn on %(date)s: %(reason)s") % {
                "date": date_format(localtime(note.withdrawn_at), "DATETIME_FORMAT"),
                "reason": note.withdrawal_reason,
            }
            return f"{note.text}\n\n{withdrawn}"
        if note.amended_at:
            amended = _("Amended on %(date)s.") % {
                "date": date_format(localtime(note.amended_at), "DATETIME_FORMAT")
            }
            return f"{note.text}\n\n{amended}"
        return note.text

    def item_link(self, note):
        return note.get_passage_url()

    def item_guid(self, note):
        return tag_uri("correction", note.pk)

    item_guid_is_permalink = False

    def item_pubdate(self, note):
        return note.published_at

    def item_updateddate(self, note):
        return note.withdrawn_at or note.amended_at or note.published_at

    def item_categories(self, note):
        return [note.get_kind_display(), note.desk_name]


class CorrectionAtomFeed(CorrectionFeed):
    feed_type = websub.AtomWithHub
    subtitle = CorrectionFeed.description


def note_saved(sender, instance, **kwargs) -> None:
    """A published note, new, amended or withdrawn: the hub hears of its feeds."""
    if instance.published_at is None:
        return
    names = [("correction_desk:feed", []), ("correction_desk:feed-atom", [])]
    websub.ping_later(websub.topics(instance.language, *names))
