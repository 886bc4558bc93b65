"""A piece of content as the news business exchanges it: one item, corrected.

Agencies signal a correction as a new version of the story itself (NewsML-G2's
`sig:correction`, Superdesk's corrections), not as a document of its own. So
the item here is the content: its id the tag URI the feeds and the JSON record
use, its version raised by each step of each of its notes (published, amended,
withdrawn), its editorial notes the notes readers see, its signal that of the
latest step, and `canceled` once the content has left the public. `newsml.py`
and `ninjs.py` write it out.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from correction_desk import conf
from correction_desk.conf import tag_uri
from correction_desk.models import CorrectionNote, CorrectionNoteChange
from correction_desk.registry import adapter_for

# IPTC's signal NewsCodes (http://cv.iptc.org/newscodes/signal/).
SIGNALS = {
    CorrectionNote.Kind.CORRECTION: "correction",
    CorrectionNote.Kind.CLARIFICATION: "update",
    CorrectionNote.Kind.UPDATE: "update",
    # Not the newsroom's correction: new matter on the item, its type in edNote.
    CorrectionNote.Kind.COUNTER_STATEMENT: "update",
    CorrectionNote.Kind.REPLY: "update",
    CorrectionNote.Kind.REPRIMAND: "update",
}
STEPS = (
    CorrectionNoteChange.Action.PUBLISHED,
    CorrectionNoteChange.Action.AMENDED,
    CorrectionNoteChange.Action.WITHDRAWN,
)


@dataclass
class Item:
    guid: str
    version: int
    usable: bool
    language: str
    first_created: datetime | None
    version_created: datetime
    url: str = ""
    headline: str = ""
    section: str = ""
    revision: int | None = None
    text: str = ""
    signal: str | None = None  # of the latest step; none after a withdrawal
    ed_notes: list[str] = field(default_factory=list)
    latest_note: str = ""
    provider: str = ""


def _moment(value) -> str:
    return date_format(localtime(value), "DATETIME_FORMAT")


def ed_note(note: CorrectionNote) -> str:
    """A note as readers see it, with its kind and dates, in one line."""
    kind = note.get_kind_display()
    text = f"{kind} ({_moment(note.published_at)}): {note.text}"
    if note.amended_at:
        text += " " + _("Amended on %(date)s.") % {"date": _moment(note.amended_at)}
    if note.withdrawn_at:
        text = (
            _("Withdrawn on %(date)s: %(reason)s")
            % {
                "date": _moment(note.withdrawn_at),
                "reason": note.withdrawal_reason,
            }
            + f" ({text})"
        )
    return text


def item_for(content, absolute) -> Item:
    """The content as one item, corrected as far as its notes say."""
    adapter = adapter_for(content)
    language = adapter.language(content)
    notes = list(
        CorrectionNote.objects.about(content).published().order_by("published_at", "pk")
    )
    steps = list(
        CorrectionNoteChange.objects.filter(note__in=notes, action__in=STEPS)
        .select_related("note")
        .order_by("created_at", "pk")
    )
    versions = adapter.versions(content)
    first = versions[0].valid_from if versions else adapter.current_since(content)
    latest = steps[-1] if steps else None
    moments = [first, *(step.created_at or step.note.published_at for step in steps)]
    item = Item(
        guid=tag_uri(adapter.tag_name(), content.pk),
        version=1 + len(steps),
        usable=adapter.is_public(content),
        language=language,
        first_created=first,
        version_created=max([m for m in moments if m] or [timezone.now()]),
        provider=conf.site_name(),
    )
    if not item.usable:  # what left the public says nothing more of itself
        return item
    with translation.override(language):
        item.url = absolute(adapter.url(content))
        item.ed_notes = [ed_note(note) for note in notes]
    item.headline = adapter.title(content)
    item.section = adapter.record(content).get("section", "")
    item.revision = adapter.revision(content)
    item.text = adapter.reader_text(content)
    if latest is not None and latest.action != CorrectionNoteChange.Action.WITHDRAWN:
        item.signal = SIGNALS[latest.note.kind]
        item.latest_note = latest.note.text
    return item
