"""Edits to published text outside the desk: minor, or a note with them.

Whoever changes what readers have read, in any admin form, is asked whether it
is a minor change (spelling, punctuation, formatting: listed on the versions
page as such) or a correction, clarification or update, with the note readers
will see. `AsksAboutPublishedEdits` adds the question to a model admin; a host
says, for its model, what readers read before and after the edit and which of
its articles show it (`readers_text`), so that any content can ask it.
"""

from copy import copy

from django import forms
from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles.models import Article, Picture
from articles.text import reader_text

from .minor_changes import substantive_changes
from .models import CorrectionNote
from .services import correction_publish
from .text import clean_text

MINOR = "minor"
CHANGE_KINDS = [
    (MINOR, _("Minor change: spelling, punctuation or formatting (no note)")),
    *CorrectionNote.Kind.choices,
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
    `public_articles(obj)` (the published articles that show it).
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
        if obj is not None and self.public_articles(obj):
            fieldsets.append(self.published_edit_fieldset)
        return fieldsets

    def save_model(self, request, obj, form, change):
        kind = getattr(form, "published_change", None)
        if kind is None:
            return super().save_model(request, obj, form, change)
        articles = {
            article.pk: article.revision for article in self.public_articles(obj)
        }
        obj.save(editor=request.user, minor=kind == MINOR)
        if kind == MINOR:
            return None
        changed = [
            article
            for article in Article.objects.filter(pk__in=articles)
            if article.revision != articles[article.pk]
        ]
        notes = [
            correction_publish(
                article=article,
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


def article_texts(stored, cleaned):
    """What readers read of a published article, before and after the form."""
    stored = Article.objects.filter(pk=stored.pk).first() if stored.pk else None
    if stored is None or not stored.is_public:
        return None
    before = reader_text(*(getattr(stored, f) for f in stored.READER_VISIBLE_FIELDS))
    candidate = copy(stored)
    for name in ("title", "lead", "body", "lead_picture"):
        if name in cleaned:
            setattr(candidate, name, cleaned[name])
    return before, candidate.text_readers_read()


def picture_texts(stored, cleaned):
    """What readers of the published articles showing a picture read of it."""
    stored = Picture.objects.filter(pk=stored.pk).first() if stored.pk else None
    if stored is None or not [a for a in stored.shown_in() if a.is_public]:
        return None

    def text(caption, credit):
        return " ".join(part for part in (caption.strip(), credit.strip()) if part)

    after = text(
        cleaned.get("caption", stored.caption), cleaned.get("credit", stored.credit)
    )
    return text(stored.caption, stored.credit), after
