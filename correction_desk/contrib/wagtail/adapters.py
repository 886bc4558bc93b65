"""The desk's view of Wagtail pages: live and public, revisions, workflows.

A fix is a new revision made through Wagtail's own API, in the page's revision
history under the editor's name. It does what Wagtail's editor would let that
editor do: an editor who may publish the page publishes it; one who may not
submits the fix to the page's moderation workflow, and the note goes public
when the page does. A page with changes not yet published is refused, so that
a fix never publishes someone's draft with it.
"""

import html
import re

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from correction_desk import conf
from correction_desk.adapters import ConcurrentEdit, ContentAdapter, Fix, Version
from correction_desk.fixing.apply import CannotFix

# Where a block of rich text begins: the editor edits the paragraph, heading,
# list or quotation around the passage.
BLOCK_START = re.compile(r"<(?:p|h[1-6]|ul|ol|blockquote|pre)[\s>]")
# What ends a line of the text as readers read it.
LINE_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|pre)>|<br\s*/?>")
TAG = re.compile(r"<[^>]*>")


def plain_text(rich_text: str) -> str:
    """Rich text (Wagtail's HTML) as readers read it: lines, no tags."""
    lines = LINE_END.sub("\n", rich_text)
    return html.unescape(TAG.sub("", lines)).strip()


class PageAdapter(ContentAdapter):
    """For a Wagtail page model; name its fields in a subclass:
    `text_fields` (part → field), and which of them are rich text."""

    text_fields = {"title": "title", "body": "body"}
    rich_text_fields = ("body",)

    def title(self, page) -> str:
        return page.title

    def url(self, page) -> str:
        return page.get_url() or ""

    def edit_url(self, page) -> str | None:
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    def can_edit(self, user, page) -> bool:
        # Wagtail grants editing per part of the page tree, not per model.
        return page.permissions_for_user(user).can_edit()

    def is_public(self, page) -> bool:
        return page.live and not page.get_view_restrictions().exists()

    def public(self, queryset):
        return queryset.live().public()

    def language(self, page) -> str:
        locale = getattr(page, "locale", None)
        return locale.language_code if locale else conf.site_language()

    def matching(self, term: str):
        return self.model._default_manager.filter(title__icontains=term)

    def content_at(self, path: str):
        """The page a public address shows, under any of the project's sites."""
        from wagtail.models import Site

        for site in Site.objects.select_related("root_page"):
            url_path = site.root_page.url_path + path.lstrip("/")
            if not url_path.endswith("/"):
                url_path += "/"
            page = self.model._default_manager.filter(url_path=url_path).first()
            if page is not None:
                return page
        return None

    # Its texts: the source of rich text is HTML; readers read it as text.

    def reader_text(self, page) -> str:
        return "\n".join(
            plain_text(source.text)
            if source.field in self.rich_text_fields
            else source.text
            for source in self.texts(page)
        )

    def block_around(self, source: str, start: int, end: int) -> tuple[int, int]:
        starts = [match.start() for match in BLOCK_START.finditer(source)]
        block_start = max([0, *(each for each in starts if each <= start)])
        block_end = min([len(source), *(each for each in starts if each >= end)])
        return block_start, block_end

    # Its versions: the revisions Wagtail published, in order.

    def revision(self, page) -> int:
        return page.live_revision_id or 1

    def versions(self, page) -> list[Version]:
        from wagtail.models import PageLogEntry

        published = list(
            PageLogEntry.objects.filter(page=page, action="wagtail.publish")
            .exclude(revision=None)
            .order_by("timestamp", "pk")
            .values_list("revision_id", "timestamp")
        )
        return [
            Version(revision=revision, valid_from=since, replaced_at=until)
            for (revision, since), (_next, until) in zip(
                published, published[1:], strict=False
            )
        ]

    def current_since(self, page):
        return page.last_published_at

    def version_texts(self, page, revision: int) -> str | None:
        from wagtail.models import Revision

        if revision == self.revision(page):
            return self.reader_text(page)
        stored = Revision.objects.filter(pk=revision, object_id=str(page.pk)).first()
        return self.reader_text(stored.as_object()) if stored else None

    # Page caches: Wagtail's frontend cache, if the project has one.

    def purge(self, page) -> None:
        from django.apps import apps

        if apps.is_installed("wagtail.contrib.frontend_cache"):
            from wagtail.contrib.frontend_cache.utils import purge_page_from_cache

            purge_page_from_cache(page)

    # Changing its text: a new revision, published or submitted to moderation.

    def apply_fix(self, page, holder, changes, *, editor, seen, minor) -> Fix:
        with transaction.atomic():
            page = type(page)._default_manager.select_for_update().get(pk=page.pk)
            if page.has_unpublished_changes or page.workflow_in_progress:
                raise ConcurrentEdit(
                    _(
                        "The page has changes in Wagtail that are not published "
                        "yet: publish or discard them there first, so that the "
                        "fix does not publish them with it."
                    ),
                    code="unpublished_changes",
                )
            if seen is not None and self.fingerprint(page) != seen:
                raise ConcurrentEdit(
                    _("Someone changed the page meanwhile; nothing was saved."),
                    code="concurrent_edit",
                )
            # What Wagtail's editor would let this editor do: publish, or else
            # submit to the page's moderation workflow.
            publishes = page.permissions_for_user(editor).can_publish()
            workflow = None if publishes else page.get_workflow()
            if not publishes and workflow is None:
                raise CannotFix(
                    _(
                        "You may not publish this page, and no moderation "
                        "workflow takes a fix to it for review."
                    )
                )
            for name, text in changes.items():
                if name not in self.holder_fields(page):
                    raise ValueError(f"{name} is not a text the desk may change")
                setattr(page, name, text)
            revision = page.save_revision(user=editor, log_action=True)
            if workflow is not None:
                workflow.start(page, editor)
                return Fix(page, pending=True)
            revision.publish(user=editor, log_action=True)
        return Fix(type(page)._default_manager.get(pk=page.pk))
