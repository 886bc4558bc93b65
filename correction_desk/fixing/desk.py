"""The fix desk on a report's page: the passage in the source, fixed and noted.

GET shows the desk as part of the report's change page (`desk_context`); the
form posts here (`fix`), which previews, or applies through
`fixes.correction_apply` and moves on to the editor's next report.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from correction_desk.adapters import ConcurrentEdit
from correction_desk.fixing.source import find_passage, replace_passage
from correction_desk.models import CorrectionNote, Report
from correction_desk.registry import adapter_for
from correction_desk.services import correction_apply, with_duplicates
from correction_desk.support.diff import word_diff
from correction_desk.triage.forms import FixForm

# Lazy: the label is the editor's language at the time of the request.
FIELD_LABELS = {
    "title": gettext_lazy("headline"),
    "lead": gettext_lazy("lead"),
    "body": gettext_lazy("body"),
    "caption": gettext_lazy("caption"),
    "credit": gettext_lazy("picture credit"),
    "alt_text": gettext_lazy("alt text"),
}


CHANGED_MEANWHILE = {
    True: gettext_lazy(
        "The article was changed by someone else since you opened this page. "
        "Nothing was saved: check the text as it reads now."
    ),
    False: gettext_lazy(
        "The picture's text was changed by someone else since you opened this "
        "page. Nothing was saved: check it as it reads now."
    ),
}


def desk_context(report: Report, form: FixForm | None = None) -> dict:
    """What the desk shows: the block to edit, the passage marked, the proposal.

    The block is in the article, or in one of its pictures' texts when the
    reader reported a caption or credit: then only that text is edited.
    """
    article = report.content
    adapter = adapter_for(article)
    spot = find_passage(
        article, report.passage, report.context_before, part=report.part
    )
    if spot is None:  # no passage: the editor edits the whole main text
        field = adapter.text_fields[adapter.main_part]
        text = getattr(article, field)
        start, end, found, picture = 0, len(text), False, None
        marked = escape(text)
        passage_in_source = ""
    else:
        field, found, picture = spot.field, spot.exact, spot.holder
        start, end = spot.block_start, spot.block_end
        source = getattr(spot.owner(article), field)
        passage_in_source = source[spot.start : spot.end]
        marked = mark_safe(
            escape(source[start : spot.start])
            + "<mark>"
            + escape(passage_in_source)
            + "</mark>"
            + escape(source[spot.end : end])
        )
    block = getattr(picture or article, field)[start:end]
    proposed = ""
    if found and report.suggestion.strip():
        proposed = replace_passage(block, passage_in_source, report.suggestion)
    if form is None:
        form = FixForm(
            report,
            initial={
                "field": field,
                "picture": picture.pk if picture else None,
                "block_start": start,
                "block_end": end,
                "seen": adapter.fingerprint(picture or article),
                "new_text": block,
                "text": draft_note(report, passage_in_source if found else ""),
                "also_resolves": [],
            },
        )
    else:
        picture = form.edited_picture() or picture
    return {
        "desk_form": form,
        "desk_can_fix": adapter.apply_fix is not None,
        "desk_edit_url": adapter.edit_url(article),
        "desk_field_label": field_label(adapter, field),
        "desk_marked": marked,
        "desk_found": found,
        "desk_has_passage": bool(report.passage.strip()),
        "desk_proposed": proposed,
        "desk_picture": picture,
        "desk_picture_articles": [
            {
                "title": adapter.title(shown),
                "edit_url": adapter.edit_url(shown),
                "is_public": adapter.is_public(shown),
            }
            for shown in (adapter.holder_shown_in(picture) if picture else [])
        ],
    }


def field_label(adapter, field: str) -> str:
    """What editors call the field: ours by name, another host's by its part."""
    if field in FIELD_LABELS:
        return FIELD_LABELS[field]
    part = next((p for p, name in adapter.text_fields.items() if name == field), "")
    return adapter.parts.get(part, field)


def draft_note(report: Report, passage: str) -> str:
    """A first wording of the note, in the article's language, for the editor."""
    if not (passage and report.suggestion.strip()):
        return ""
    with translation.override(adapter_for(report.content).language(report.content)):
        return _(
            "An earlier version of this article said “%(wrong)s”. "
            "Correct is: “%(right)s”."
        ) % {"wrong": report.passage.strip(), "right": report.suggestion.strip()}


def fix(model_admin, request, report: Report):
    """Preview or apply the fix desk's form; after applying, the next report."""
    if not adapter_for(report.content).can_edit(request.user, report.content):
        raise PermissionDenied
    if request.method != "POST":
        return redirect(
            reverse("admin:correction_desk_report_change", args=[report.pk])
        )
    data = request.POST.copy()
    if data.get("action") == "accept":  # without JavaScript: the reader's wording
        proposed = desk_context(report)["desk_proposed"]
        if proposed:
            data["new_text"] = proposed
        data["action"] = "preview"
    form = FixForm(report, data)
    if form.is_valid() and form.cleaned_data["action"] in ("publish", "silent"):
        done = _apply(request, report, form, form.cleaned_data["action"] == "silent")
        if done:
            return next_report_redirect(model_admin, request, report, done)
    return TemplateResponse(
        request,
        "admin/correction_desk/report/fix.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "original": report,
            "title": _("Fix desk"),
            "preview": _preview(report, form),
            **desk_context(report, form),
        },
        status=400 if form.errors else 200,
    )


def _owner(report: Report, form: FixForm):
    """The article or picture whose field the form edits; None if the form
    names no such pair."""
    field = form.cleaned_data.get("field")
    owner = form.edited_picture() or report.content
    return owner if field and hasattr(owner, field) else None


def _new_source(report: Report, form: FixForm) -> tuple[str, str] | None:
    data = form.cleaned_data
    field, owner = data.get("field"), _owner(report, form)
    if owner is None or data.get("block_start") is None:
        return None
    source = getattr(owner, field)
    start, end = data["block_start"], data.get("block_end") or 0
    if end > len(source):
        return None
    return field, source[:start] + data["new_text"] + source[end:]


def _preview(report: Report, form: FixForm) -> dict | None:
    data = getattr(form, "cleaned_data", None)
    if data is None:
        return None
    start, end = data.get("block_start"), data.get("block_end")
    field, owner = data.get("field"), _owner(report, form)
    if owner is None or start is None or end is None or "new_text" not in data:
        return None
    old = getattr(owner, field)[start:end]
    note = CorrectionNote(
        content=report.content,
        kind=data.get("kind") or CorrectionNote.Kind.CORRECTION,
        text=data.get("text", ""),
    )
    return {
        "diff": word_diff(old, data["new_text"]),
        "unchanged": old == data["new_text"],
        "note": note,
    }


def _apply(request, report: Report, form: FixForm, silent: bool):
    """Apply the form; return a message for the editor, or None with form errors."""
    data = form.cleaned_data
    owner = _owner(report, form)
    content = report.content
    adapter = adapter_for(content)
    if adapter.apply_fix is None:
        return _note_on_fixed_elsewhere(request, report, form, silent)
    if owner is not None and adapter.fingerprint(owner) != data["seen"]:
        # The offsets are the text the editor saw: first of all, is it this one?
        form.add_error(None, ConcurrentEdit(CHANGED_MEANWHILE[owner is content]))
        form.conflict = True
        return None
    spliced = _new_source(report, form)
    if spliced is None:
        form.add_error(None, _("The text block is not valid; reload the page."))
        return None
    field, new_source = spliced
    picture = form.edited_picture()
    before = getattr(picture or content, field)
    changes = {} if before == new_source else {field: new_source}
    reports = [report, *data["also_resolves"]]
    resolved = len(with_duplicates(reports))
    try:
        note = correction_apply(
            content=content,
            holder=picture,
            editor=request.user,
            changes=changes,
            seen=data["seen"],
            kind=data["kind"],
            note_text=data["text"],
            reports=reports,
            silent=silent,
            reason=data["reason"],
        )
    except ConcurrentEdit as error:
        form.add_error(None, error)
        form.conflict = True
        return None
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                form.add_error("text" if name == "note_text" else None, errors)
        else:
            form.add_error(None, error)
        return None
    return _done(note, resolved)


def _note_on_fixed_elsewhere(request, report: Report, form: FixForm, silent: bool):
    """A host the desk cannot change text in: the editor fixed it in the
    host's own editor; the desk publishes the note and resolves the reports."""
    data = form.cleaned_data
    reports = [report, *data["also_resolves"]]
    resolved = len(with_duplicates(reports))
    try:
        note = correction_apply(
            content=report.content,
            editor=request.user,
            changes={},
            seen=None,
            kind=data["kind"],
            note_text=data["text"],
            reports=reports,
            silent=silent,
            reason=data["reason"],
            fixed_elsewhere=True,
        )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for name, errors in error.error_dict.items():
                form.add_error("text" if name == "note_text" else None, errors)
        else:
            form.add_error(None, error)
        return None
    return _done(note, resolved)


def _done(note, resolved: int) -> str:
    """What the editor is told once the fix is saved."""
    if note is not None and note.awaits_content:
        return _(
            "The fix is submitted to the page's workflow; the note goes public "
            "when the page is published, and the reports are resolved then."
        )
    if note is not None and note.published_at is None:
        return _(
            "The text is saved; the note waits for a second editor's approval, "
            "and the reports with it."
        )
    if note is None:
        return ngettext(
            "Fixed silently; %(count)d report resolved.",
            "Fixed silently; %(count)d reports resolved.",
            resolved,
        ) % {"count": resolved}
    done = ngettext(
        "The correction is published; %(count)d report resolved.",
        "The correction is published; %(count)d reports resolved.",
        resolved,
    ) % {"count": resolved}
    others = getattr(note, "also_on", [])
    if others:
        done += " " + ngettext(
            "The same note is on %(count)d more article showing the picture.",
            "The same note is on %(count)d more articles showing the picture.",
            len(others),
        ) % {"count": len(others)}
    return done


def next_report_redirect(model_admin, request, report: Report, done: str):
    """Say what was done, and go on to the editor's next open report, or the queue."""
    following = Report.objects.next_for(request.user, after=report)
    if following is None:
        then = _("No open reports are left.")
        target = reverse("admin:correction_desk_report_changelist")
    else:
        then = _("Next: report #%(number)s.") % {"number": following.pk}
        target = reverse("admin:correction_desk_report_change", args=[following.pk])
    model_admin.message_user(request, f"{done} {then}", messages.SUCCESS)
    return redirect(target)
