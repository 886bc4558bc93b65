"""How the desk reaches content it does not own: one adapter per content model.

The desk stores reports and notes against any model (a generic relation) and
asks the model's adapter everything else: the texts a reader may report on,
where the content lives, whether the public may see it, its language and desk,
its page-cache keys, its versions and, if the host allows it, how to change
its text. `ContentAdapter` has defaults for a model with `get_absolute_url()`
and text fields; a host overrides what its model does differently and
registers it (`correction_desk.registry.register`).
"""

import hashlib
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from correction_desk import conf


class ConcurrentEdit(ValidationError):
    """Someone changed the text since the editor opened it: nothing was saved."""


@dataclass(frozen=True)
class TextSource:
    """One text a reader can report on, and where it is stored.

    `part` is what the reader selected in (a key of `ContentAdapter.parts`);
    `holder` is the object whose `field` holds the text: the content itself,
    or something it shows (a picture whose caption it is).
    """

    part: str
    field: str
    holder: object
    text: str


@dataclass(frozen=True)
class Version:
    """An earlier public version of the content, as readers read it."""

    revision: int
    valid_from: object
    replaced_at: object
    minor: bool = False
    texts: dict = field(default_factory=dict, compare=False)


@dataclass
class Fix:
    """What `apply_fix` did: the content as it now reads, and the other
    public content whose readers now read the change too (a shared picture)."""

    content: object
    also_changed: list = field(default_factory=list)
    # The change waits for the host's own review (a moderation workflow): the
    # note goes public when the content does (`services.content_published`).
    pending: bool = False


class ContentAdapter:
    """The desk's view of one content model; override what differs.

    The defaults suit a model with `get_absolute_url()` and the text fields
    named in `text_fields` (part → field). Without `apply_fix` the fix desk
    shows the passage, links to the host's own editor, and publishes the note
    once the editor says the fix is saved.
    """

    # The parts a reader selects in, labelled for editors, in reading order.
    parts = {
        "title": _("headline"),
        "lead": _("lead"),
        "body": _("body"),
        "caption": _("caption"),
        "credit": _("picture credit"),
    }
    # The model's own fields for each part it has.
    text_fields = {"title": "title", "body": "body"}
    # Parts whose text is Markdown-like source: the editor edits a block of it.
    block_parts = ("body",)
    # The part searched for a passage no longer found word for word.
    main_part = "body"

    def __init__(self, model):
        self.model = model

    def queryset(self):
        """Where the desk reads the content from, with what `title`, `desk`
        and `record` need joined (lists of reports and notes read it so)."""
        return self.model._default_manager.all()

    # What it is and where readers find it.

    def title(self, content) -> str:
        return str(content)

    def url(self, content) -> str:
        return content.get_absolute_url()

    def edit_url(self, content) -> str | None:
        """The host's own editor at this content, for editors."""
        opts = self.model._meta
        try:
            return reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[content.pk]
            )
        except NoReverseMatch:
            return None

    def edit_permission(self) -> str:
        """The permission an editor needs to change the content's text."""
        opts = self.model._meta
        return f"{opts.app_label}.change_{opts.model_name}"

    def can_edit(self, user, content) -> bool:
        """May `user` change this content's text at the fix desk?"""
        return user.has_perm(self.edit_permission())

    def is_public(self, content) -> bool:
        return True

    def shown_with(self, content) -> list:
        """Other content whose notes the content's page also shows (its
        translation, say): their notes are read in the same query."""
        return []

    def public(self, queryset):
        """Those of `queryset` the public may see now."""
        return queryset

    def language(self, content) -> str:
        return getattr(content, "language", None) or conf.site_language()

    # Which desk handles it.

    def desk(self, content) -> str:
        """A key naming the desk its reports go to (a section, a team); ""."""
        return ""

    def desks(self) -> list[tuple[str, str]]:
        """Every desk: key and name, for filters and figures."""
        return []

    def desk_email(self, desk: str) -> str:
        """Where a desk hears of new reports; "" for the site's default."""
        return ""

    def content_at(self, path: str):
        """The content whose public page is at `path` (an editor pastes the
        address), or None."""
        return None

    def matching(self, term: str):
        """The content an editor's search term names (the queue's search)."""
        name = next(iter(self.text_fields.values()))
        return self.model._default_manager.filter(**{f"{name}__icontains": term})

    # Its texts.

    def texts(self, content) -> list[TextSource]:
        """Every text a reader can report on, in reading order."""
        return [
            TextSource(part, name, content, getattr(content, name) or "")
            for part, name in self.text_fields.items()
        ]

    def reader_text(self, content) -> str:
        """All of it as a reader reads it, as plain text (passages are found in it)."""
        return "\n".join(source.text for source in self.texts(content))

    def block_around(self, source: str, start: int, end: int) -> tuple[int, int]:
        """The block of a text's source an editor edits around start…end: by
        default the Markdown blocks (separated by blank lines) holding it."""
        gaps = [match.span() for match in re.finditer(r"\n[ \t]*\n", source)]
        block_start = max([0, *(gap_end for _, gap_end in gaps if gap_end <= start)])
        block_end = min([len(source), *(gap for gap, _ in gaps if gap >= end)])
        return block_start, block_end

    def fingerprint(self, holder) -> str:
        """Identify the texts an editor sees, to notice a change by another."""
        names = self.holder_fields(holder)
        text = "\x1f".join(getattr(holder, name) or "" for name in names)
        return hashlib.sha256(text.encode()).hexdigest()

    def holder_fields(self, holder) -> list[str]:
        """The text fields of a holder the desk may change."""
        return list(self.text_fields.values())

    def holder(self, content, kind: str, pk):
        """A holder other than the content itself, named by the fix desk's form
        (a picture the content shows); None if the content shows no such one."""
        return None

    def holder_shown_in(self, holder) -> list:
        """Every piece of content that shows a holder's text (a picture's)."""
        return []

    # Its versions.

    # Whether its public versions go into the transparency log (its notes
    # always do): not for pages the newsroom does not publish itself.
    logs_versions = True

    def revision(self, content) -> int:
        """The number of the version readers read now."""
        return getattr(content, "revision", None) or 1

    def versions(self, content) -> list[Version]:
        """Its earlier public versions, oldest first."""
        return []

    def current_since(self, content):
        """When the version readers read now went public (None: unknown)."""
        for name in ("revised_at", "published_at", "last_published_at"):
            if moment := getattr(content, name, None):
                return moment
        return None

    def version_texts(self, content, revision: int) -> str | None:
        """A version as readers read it (plain text); None if unknown."""
        if revision == self.revision(content):
            return self.reader_text(content)
        return None

    def versions_url(
        self, content, older: int | None = None, newer: int | None = None
    ) -> str | None:
        """A public page comparing two versions (without them, its versions
        page), if the host has one."""
        return None

    # Page caches.

    def surrogate_keys(self, content) -> list[str]:
        """The page-cache keys of the pages that show the content."""
        return []

    def purge(self, content) -> None:
        """Make every cached page showing the content fetch it again."""

    def listing_keys(self) -> list[str]:
        """The page-cache keys the host purges whenever content of this kind
        enters or leaves the public: the corrections log carries them, so
        content with notes that is published or withdrawn shows there or not."""
        return []

    # Changing its text: optional.

    apply_fix = None
    """`apply_fix(content, holder, changes, *, editor, seen, minor) -> Fix`

    Save `changes` (field → new text) of `holder` (the content or a holder it
    shows) as a new public version, refusing with `ConcurrentEdit` when the
    text's fingerprint is no longer `seen`.
    """

    # Extra facts for machines (the JSON record).

    def tag_name(self) -> str:
        """What the content is called in its id, a tag URI (`…:article:12`)."""
        return self.model._meta.model_name

    def record(self, content) -> dict:
        """The section (the desk's name) and the version, for the JSON record."""
        desk = self.desk(content)
        return {
            "section": dict(self.desks()).get(desk, desk),
            "revision": self.revision(content),
        }

    # The reader's page with the report form sent back with errors.

    def render_with_form(self, request, content, form, status, context):
        """The content's own page showing the reader's form again (`context`
        holds what the desk's templates need, `template` the one to use if
        not the content's own); None lets the desk show a page of its own with
        the form and a link back."""
        return None
