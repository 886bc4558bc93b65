"""Edits to published text outside the desk: minor, or a note with them.

Whoever changes what readers have read, in any admin form, is asked whether it
is a minor change (spelling, punctuation, formatting: listed on the versions
page as such) or a correction, clarification or update, with the note readers
will see. `AsksAboutPublishedEdits` adds the question to a model admin; a host
says, for its model, what readers read before and after the edit and which of
its articles show it (`readers_text`), so that any content can ask it.
"""

from django import forms
from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from correction_desk.fixing.minor_changes import substantive_changes
from correction_desk.intake.cleaning import clean_text
from correction_desk.models import editorial_kind_choices
from correction_desk.registry import adapter_for
from correction_desk.services import correction_publish

MINOR = "minor"
CHANGE_KINDS = [
    (MINOR, _("Minor change: spelling, punctuation or formatting (no note)")),
    *editorial_kind_choices(),
]


class PublishedEditForm(forms.ModelForm):
    """A model form that asks what kind of change an edit to published text is."""

    change_kind = forms.ChoiceField(
        label=_("What kind of change is it?"),
        choices=CHANGE_KINDS,
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Asked only if readers will read something else. A change to a number, "
            "a date, a name or a quotation is never minor."
        ),
    )
    change_note = forms.CharField(
        label=_("Public note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Shown under the article with today's date. Say what was wrong and "
            "what is right: “An earlier version said …; in fact …”."
        ),
    )

    # Set by the admin: (text readers read now, text after this edit), or None.
    readers_text = None

    def clean(self):
        cleaned = super().clean()
        self.published_change = None
        texts = self.readers_text(self.instance, cleaned) if self.readers_text else None
        if texts is None or texts[0] == texts[1]:
            return cleaned
        kind = cleaned.get("change_kind")
        if not kind:
            self.add_error(
                "change_kind",
                _(
                    "This changes what readers have read. Is it a minor change, or a "
                    "correction, clarification or update with a note?"
                ),
            )
        elif kind == MINOR and (found := substantive_changes(*texts)):
            self.add_error(
                "change_kind",
                _(
                    "This change alters %(what)s (“%(word)s”), so it is not a minor "
                    "one. Choose correction, clarification or update and write the "
                    "note."
                )
                % {"what": found[0][0], "word": found[0][1]},
            )
        elif kind != MINOR and not clean_text(cleaned.get("change_note", "")).strip():
            self.add_error("change_note", _("Please write the note readers will see."))
        else:
            self.published_change = kind
        return cleaned


class AsksAboutPublishedEdits:
    """A model admin whose edits to published text are minor, or noted.

    The host defines `readers_text(stored, cleaned_data)` (what readers read now
    and would read after the edit; None if no reader sees it) and
    `public_content(obj)` (the public content that shows it: the object
    itself, or the articles showing a picture), and may define
    `save_published(request, obj, minor)` (how the edit is saved as a minor
    change or not; by default `obj.save()`).
    """

    form = PublishedEditForm
    published_edit_fieldset = (
        _("Change to the published text"),
        {"fields": ["change_kind", "change_note"], "classes": ["published-edit"]},
    )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        host = self

        def readers_text(instance, cleaned):
            return host.readers_text(instance, cleaned)

        return type(
            form.__name__, (form,), {"readers_text": staticmethod(readers_text)}
        )

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if obj is not None and self.public_content(obj):
            fieldsets.append(self.published_edit_fieldset)
        return fieldsets

    def save_model(self, request, obj, form, change):
        kind = getattr(form, "published_change", None)
        if kind is None:
            return super().save_model(request, obj, form, change)
        shown = [
            (content, adapter_for(content).revision(content))
            for content in self.public_content(obj)
        ]
        self.save_published(request, obj, minor=kind == MINOR)
        if kind == MINOR:
            return None
        changed = [
            fresh
            for content, revision in shown
            if adapter_for(
                fresh := type(content)._default_manager.get(pk=content.pk)
            ).revision(fresh)
            != revision
        ]
        notes = [
            correction_publish(
                content=article,
                editor=request.user,
                kind=kind,
                text=form.cleaned_data["change_note"],
                reports=[],
            )
            for article in changed
        ]
        waiting = sum(note.published_at is None for note in notes)
        self.message_user(
            request,
            ngettext(
                "The note is published with the change.",
                "The note is published on the %(count)d articles with the change.",
                len(notes),
            )
            % {"count": len(notes)}
            if not waiting
            else ngettext(
                "The note waits for a second editor's approval.",
                "The notes wait for a second editor's approval.",
                waiting,
            ),
            messages.SUCCESS,
        )
        return None

    def save_published(self, request, obj, minor: bool) -> None:
        obj.save()
