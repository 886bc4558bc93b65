"""Correction notes in the admin: started by the newsroom, amended, withdrawn.

Every change goes through `fixes` and `services`, which keep the note's history;
nothing here writes a note directly.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxLengthValidator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from correction_desk.content_admin import ListsContent
from correction_desk.models import (
    CorrectionNote,
    CorrectionNoteChange,
    PendingNoteChange,
    editorial_kind_choices,
)
from correction_desk.registry import content_key
from correction_desk.services import (
    correction_publish,
    note_amend,
    note_approve,
    note_change_approve,
    note_change_discard,
    note_withdraw,
)
from correction_desk.triage.forms import ContentField

WAITS_MESSAGE = gettext_lazy(
    "The change waits for a second editor's approval; until then readers see "
    "the note as it was."
)


class NoteChangeInline(admin.TabularInline):
    model = CorrectionNoteChange
    fields = [
        "created_at",
        "editor",
        "action",
        "previous_kind",
        "previous_text",
        "reason",
        "approved_by",
    ]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = gettext_lazy("history of this note")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NoteAddForm(forms.ModelForm):
    # Not `content`: the model's generic relation, which no model form edits.
    content_key = ContentField(
        label=gettext_lazy("article"),
        help_text=gettext_lazy(
            "Open the article in the admin and choose “Add a note” there."
        ),
    )

    class Meta:
        model = CorrectionNote
        fields = ["kind", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = editorial_kind_choices()


class NoteAmendForm(forms.ModelForm):
    reason = forms.CharField(
        label=gettext_lazy("Why it changes (kept in the note's history)"),
        required=False,
        max_length=2000,
    )

    class Meta:
        model = CorrectionNote
        fields = ["kind", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kind = self.fields.get("kind")
        if kind is not None and self.instance.is_editorial:
            kind.choices = editorial_kind_choices()
        elif kind is not None:
            # What press law made us publish keeps its type; its text changes
            # only with a reason on record (record/notes.py).
            kind.disabled = True
            text = self.fields["text"]
            text.max_length = None
            text.validators = [
                v for v in text.validators if not isinstance(v, MaxLengthValidator)
            ]
            text.widget.attrs.pop("maxlength", None)
            self.fields["reason"].required = True

    def clean(self):
        cleaned = super().clean()
        changed = {"kind", "text"} & set(self.changed_data)
        if changed and PendingNoteChange.objects.filter(note=self.instance).exists():
            raise ValidationError(
                _("A change to this note is already waiting for approval.")
            )
        if not changed and cleaned.get("reason", "").strip():
            # A reason for no change would be lost without a word.
            self.add_error(
                "reason",
                _("The note is unchanged: change its type or text, or clear the "
                  "reason."),
            )  # fmt: skip
        return cleaned


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why the note is withdrawn (readers see it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class AwaitingApprovalFilter(admin.SimpleListFilter):
    title = gettext_lazy("approval")
    parameter_name = "awaiting"

    def lookups(self, request, model_admin):
        return [("yes", gettext_lazy("awaiting approval"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.awaiting_approval()
        return queryset


@admin.register(CorrectionNote)
class CorrectionNoteAdmin(ListsContent, admin.ModelAdmin):
    list_display = ["content_title", "kind", "published_at", "state", "created_by"]
    list_filter = [
        AwaitingApprovalFilter,
        "kind",
        ("published_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["created_by"]
    search_fields = ["text"]
    inlines = [NoteChangeInline]
    change_form_template = "admin/correction_desk/correctionnote/change_form.html"
    READ_ONLY = [
        "content_links",
        "published_at",
        "created_by",
        "approved_by",
        "amended_at",
        "withdrawn_at",
        "withdrawal_reason",
        "reports_links",
    ]

    @admin.display(description=gettext_lazy("state"))
    def state(self, note):
        if note.withdrawn_at:
            return _("withdrawn")
        if note.published_at is None:
            return _("awaiting approval")
        return _("amended") if note.amended_at else _("published")

    @admin.display(description=gettext_lazy("article"))
    def content_title(self, note):
        return note.content_title

    @admin.display(description=gettext_lazy("article"))
    def content_links(self, note):
        links = [(note.get_absolute_url(), _("public note"))]
        if note.content_edit_url:
            links.append((note.content_edit_url, note.content_title))
        if note.versions_url:
            links.append((note.versions_url, _("the change (diff)")))
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    @admin.display(description=gettext_lazy("reports it answers"))
    def reports_links(self, note):
        reports = note.reports.all()
        if not reports:
            return _("none: started by the newsroom")
        return format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (reverse("admin:correction_desk_report_change", args=[r.pk]), r)
                for r in reports
            ),
        )

    def get_inlines(self, request, obj):
        return self.inlines if obj else []  # nothing has happened to a new note

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = NoteAmendForm if obj else NoteAddForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["content_key", "kind", "text"]
        if obj.withdrawn_at:
            return ["kind", "text", *self.READ_ONLY]
        return ["kind", "text", "reason", *self.READ_ONLY]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["kind", "text", *self.READ_ONLY] if obj.withdrawn_at else self.READ_ONLY

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.pop("content_key", None)  # only a key this form's field accepts
        form = NoteAddForm(data={"content_key": request.GET.get("content", "")})
        form.is_valid()
        if "content_key" in getattr(form, "cleaned_data", {}):
            initial["content_key"] = content_key(form.cleaned_data["content_key"])
        return initial

    def response_add(self, request, obj, post_url_continue=None):
        """Back to the article the note was added to, saying what happened."""
        if "_addanother" in request.POST or "_continue" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        note = CorrectionNote.objects.get(pk=obj.pk)
        self.message_user(
            request,
            _("The note is published on “%(article)s”.")
            % {"article": note.content_title}
            if note.published_at
            else _("The note on “%(article)s” waits for a second editor's approval.")
            % {"article": note.content_title},
            messages.SUCCESS,
        )
        return redirect(note.content_edit_url or note.get_absolute_url())

    def response_change(self, request, obj):
        """Say what readers now see, and the reason kept on record."""
        amended = getattr(request, "_note_amended", None)
        if amended is None or "_continue" in request.POST:
            return super().response_change(request, obj)
        note = CorrectionNote.objects.get(pk=obj.pk)
        message = (
            _("The note is amended; readers see it marked as amended.")
            if not PendingNoteChange.objects.filter(note=note).exists()
            else WAITS_MESSAGE
        )
        if amended:
            message = f"{message} " + _("Reason on record: “%(reason)s”") % {
                "reason": amended
            }
        self.message_user(request, message, messages.SUCCESS)
        return redirect(
            reverse("admin:correction_desk_correctionnote_change", args=[obj.pk])
        )

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        if not change:
            note = correction_publish(
                content=data["content_key"],
                editor=request.user,
                kind=data["kind"],
                text=data["text"],
                reports=[],
            )
            obj.pk = note.pk
        elif {"kind", "text"} & set(form.changed_data):
            note_amend(
                note=obj,
                editor=request.user,
                text=data["text"],
                kind=data["kind"],
                reason=data["reason"],
            )
            request._note_amended = data["reason"].strip()

    def has_delete_permission(self, request, obj=None):
        return False  # a published note is part of the record: withdraw it

    def get_urls(self):
        return [
            path(
                "<path:object_id>/approve/",
                self.admin_site.admin_view(self.approve_view),
                name="correction_desk_correctionnote_approve",
            ),
            path(
                "<path:object_id>/approve-change/",
                self.admin_site.admin_view(self.approve_change_view),
                name="correction_desk_correctionnote_approve_change",
            ),
            path(
                "<path:object_id>/discard-change/",
                self.admin_site.admin_view(self.discard_change_view),
                name="correction_desk_correctionnote_discard_change",
            ),
            path(
                "<path:object_id>/withdraw/",
                self.admin_site.admin_view(self.withdraw_view),
                name="correction_desk_correctionnote_withdraw",
            ),
            *super().get_urls(),
        ]

    def approve_view(self, request, object_id):
        note = self.get_object(request, object_id)
        if note is None or not self.has_change_permission(request, note):
            raise PermissionDenied
        if request.method == "POST":
            try:
                note_approve(note=note, editor=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("The note is approved and published."),
                    messages.SUCCESS,
                )
        return redirect(
            reverse("admin:correction_desk_correctionnote_change", args=[note.pk])
        )

    def _pending_change(self, request, object_id):
        note = self.get_object(request, object_id)
        if note is None or not self.has_change_permission(request, note):
            raise PermissionDenied
        return note, PendingNoteChange.objects.filter(note=note).first()

    def approve_change_view(self, request, object_id):
        note, change = self._pending_change(request, object_id)
        if request.method == "POST":
            try:
                if change is None:
                    raise ValidationError(
                        _("This change is no longer waiting for approval.")
                    )
                note_change_approve(change=change, editor=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request, _("The change is approved; readers see it now."),
                    messages.SUCCESS,
                )  # fmt: skip
        return redirect(
            reverse("admin:correction_desk_correctionnote_change", args=[note.pk])
        )

    def discard_change_view(self, request, object_id):
        note, change = self._pending_change(request, object_id)
        if request.method == "POST" and change is not None:
            note_change_discard(change=change, editor=request.user)
            self.message_user(
                request, _("The waiting change is discarded."), messages.SUCCESS
            )
        return redirect(
            reverse("admin:correction_desk_correctionnote_change", args=[note.pk])
        )

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["pending_change"] = (
            PendingNoteChange.objects.filter(note=obj).select_related("proposed_by")
        ).first() if obj else None  # fmt: skip
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    def withdraw_view(self, request, object_id):
        note = self.get_object(request, object_id)
        if note is None or not self.has_change_permission(request, note):
            raise PermissionDenied
        form = WithdrawForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                note_withdraw(
                    note=note, editor=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if PendingNoteChange.objects.filter(note=note).exists():
                    self.message_user(request, WAITS_MESSAGE, messages.WARNING)
                else:
                    self.message_user(
                        request, _("The note is withdrawn."), messages.SUCCESS
                    )
                return redirect(
                    reverse(
                        "admin:correction_desk_correctionnote_change", args=[note.pk]
                    )
                )
        return TemplateResponse(
            request,
            "admin/correction_desk/correctionnote/withdraw.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": note,
                "title": _("Withdraw a correction note"),
                "form": form,
            },
        )
