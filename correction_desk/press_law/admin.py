"""Counter-statement demands and Press Council complaints in the admin.

Every change goes through press_law.services, which keeps the history; the
change pages show what was recorded, the desk's findings and the decisions
still open, each on a page of its own.
"""

import mimetypes

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from correction_desk.content_admin import ListsContent
from correction_desk.press_law import deadlines, services
from correction_desk.press_law.forms import (
    ComplaintAddForm,
    DecideForm,
    DemandAddForm,
    DocumentsForm,
    PublishForm,
    RefuseForm,
)
from correction_desk.press_law.models import (
    CounterStatementDemand,
    DemandDocument,
    PresseratComplaint,
    PressLawStep,
)
from correction_desk.press_law.status import claimant_status_url
from correction_desk.registry import content_key


class StepInline(admin.TabularInline):
    model = PressLawStep
    fields = ["created_at", "editor", "action", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = gettext_lazy("history")

    def has_view_permission(self, request, obj=None):
        # Whoever may see the case sees its history.
        opts = self.parent_model._meta
        return request.user.has_perm(f"{opts.app_label}.view_{opts.model_name}")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CaseAdmin(ListsContent, admin.ModelAdmin):
    """What both kinds of case share: started from a piece of content, then
    read only; decisions on pages of their own."""

    inlines = [StepInline]
    list_desk_names = True
    search_fields = ["=reference"]

    def get_inlines(self, request, obj):
        return self.inlines if obj else []

    def has_delete_permission(self, request, obj=None):
        return False  # part of the record

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.pop("content_key", None)
        form = self.add_form(data={"content_key": request.GET.get("content", "")})
        form.is_valid()
        if "content_key" in getattr(form, "cleaned_data", {}):
            initial["content_key"] = content_key(form.cleaned_data["content_key"])
        initial["received_at"] = timezone.now()
        return initial

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        if obj is None:
            return list(self.add_form.Meta.fields)
        return self.shown_fields

    def get_readonly_fields(self, request, obj=None):
        return self.shown_fields if obj else []

    @admin.display(description=gettext_lazy("article"))
    def content_link(self, obj):
        from django.utils.html import format_html

        if obj.content is None:
            return "–"
        return format_html(
            '<a href="{}">{}</a>', obj.content_url, obj.content_title
        )  # fmt: skip

    def _case(self, request, object_id, *, change=True):
        case = self.get_object(request, object_id)
        allowed = (
            self.has_change_permission(request, case)
            if change
            else self.has_view_permission(request, case)
        )
        if case is None or not allowed:
            raise PermissionDenied
        return case

    def _page(self, request, case, title, form, template, **extra):
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": case,
                "title": title,
                "form": form,
                **extra,
            },
            status=400 if form.errors else 200,
        )

    def _back(self, case):
        info = self.opts.app_label, self.opts.model_name
        return redirect(reverse("admin:{}_{}_change".format(*info), args=[case.pk]))


@admin.register(CounterStatementDemand)
class DemandAdmin(CaseAdmin):
    add_form = DemandAddForm
    list_display = [
        "claimant",
        "content_link",
        "received_at",
        "waiting",
        "outcome",
    ]
    list_filter = ["outcome"]
    search_fields = ["claimant"]
    shown_fields = [
        "content_link",
        "claimant",
        "representative",
        "claimant_address",
        "claimant_email",
        "claims",
        "part",
        "received_at",
        "channel",
        "written_and_signed",
        "text",
        "first_offered_at",
        "last_offered_at",
        "outcome",
        "ground",
        "letter",
        "court_order",
        "decided_at",
        "decided_by",
        "created_by",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("note", "decided_by")

    @admin.display(description=gettext_lazy("waiting"))
    def waiting(self, demand):
        from correction_desk.templatetags.correction_desk import as_duration

        if not demand.is_open:
            return "–"
        waited = as_duration(timezone.now() - demand.received_at)
        if deadlines.is_overdue(demand):
            return _("%(time)s – overdue") % {"time": waited}
        return waited

    def save_model(self, request, obj, form, change):
        data = dict(form.cleaned_data)
        content = data.pop("content_key")
        documents = data.pop("documents", [])
        demand = services.demand_record(
            content=content, editor=request.user, documents=documents, **data
        )
        obj.pk = demand.pk

    def save_related(self, request, form, formsets, change):
        pass  # the service stored the documents

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            _("The demand is recorded. Decide without delay: it is due by "
              "%(due)s.") % {"due": _local(deadlines.due_at(
                  CounterStatementDemand.objects.get(pk=obj.pk)))},
            messages.SUCCESS,
        )  # fmt: skip
        return self._back(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        demand = self.get_object(request, object_id)
        extra = {}
        if demand is not None:
            extra = {
                "findings": deadlines.findings(demand),
                "due_at": deadlines.due_at(demand),
                "overdue": deadlines.is_overdue(demand),
                "documents": demand.documents.all(),
                "claimant_status_url": request.build_absolute_uri(
                    claimant_status_url(demand)
                ),
            }
        return super().change_view(
            request, object_id, form_url, {**(extra_context or {}), **extra}
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/publish/", view(self.publish_view),
                 name="correction_desk_counterstatementdemand_publish"),
            path("<path:object_id>/refuse/", view(self.refuse_view),
                 name="correction_desk_counterstatementdemand_refuse"),
            path("<path:object_id>/documents/", view(self.documents_view),
                 name="correction_desk_counterstatementdemand_documents"),
            path("<path:object_id>/documents/<int:document>/",
                 view(self.document_view),
                 name="correction_desk_counterstatementdemand_document"),
            *super().get_urls(),
        ]  # fmt: skip

    TEMPLATE = "admin/correction_desk/counterstatementdemand/decision.html"

    def publish_view(self, request, object_id):
        demand = self._case(request, object_id)
        form = PublishForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.demand_publish(
                    demand=demand, editor=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request,
                    _("The counter-statement is published where its claim stands."),
                    messages.SUCCESS,
                )
                return self._back(demand)
        return self._page(
            request, demand, _("Publish the counter-statement"), form, self.TEMPLATE,
            publishing=True,
        )  # fmt: skip

    def refuse_view(self, request, object_id):
        demand = self._case(request, object_id)
        form = RefuseForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.demand_refuse(
                    demand=demand, editor=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request, _("The refusal is on record."), messages.SUCCESS
                )
                return self._back(demand)
        return self._page(
            request, demand, _("Refuse the counter-statement"), form, self.TEMPLATE
        )

    def documents_view(self, request, object_id):
        demand = self._case(request, object_id)
        form = DocumentsForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            for upload in form.cleaned_data["documents"]:
                services.demand_add_document(
                    demand=demand, editor=request.user, upload=upload
                )
            self.message_user(request, _("The documents are stored."), messages.SUCCESS)
            return self._back(demand)
        return self._page(
            request, demand, _("Add documents"), form, self.TEMPLATE, uploading=True
        )

    def document_view(self, request, object_id, document):
        demand = self._case(request, object_id, change=False)
        found = DemandDocument.objects.filter(pk=document, demand=demand).first()
        if found is None:
            raise Http404
        try:
            handle = found.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        response = FileResponse(
            handle, as_attachment=True, filename=found.name, content_type=kind
        )
        response["Cache-Control"] = "private, no-store"
        return response


@admin.register(PresseratComplaint)
class ComplaintAdmin(CaseAdmin):
    add_form = ComplaintAddForm
    list_display = ["__str__", "content_link", "received_at", "outcome", "published"]
    list_filter = ["outcome"]
    shown_fields = [
        "content_link",
        "reference",
        "received_at",
        "subject",
        "outcome",
        "decided_on",
        "decision_text",
        "publish_due_at",
        "note",
        "created_by",
    ]

    @admin.display(description=gettext_lazy("published"), boolean=True)
    def published(self, complaint):
        if complaint.outcome != PresseratComplaint.Outcome.PUBLIC_REPRIMAND:
            return None
        return complaint.note_id is not None

    def save_model(self, request, obj, form, change):
        data = dict(form.cleaned_data)
        complaint = services.complaint_record(
            content=data.pop("content_key"), editor=request.user, **data
        )
        obj.pk = complaint.pk

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(request, _("The complaint is recorded."), messages.SUCCESS)
        return self._back(obj)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/decide/", view(self.decide_view),
                 name="correction_desk_presseratcomplaint_decide"),
            path("<path:object_id>/publish/", view(self.publish_view),
                 name="correction_desk_presseratcomplaint_publish"),
            *super().get_urls(),
        ]  # fmt: skip

    TEMPLATE = "admin/correction_desk/presseratcomplaint/decision.html"

    def decide_view(self, request, object_id):
        complaint = self._case(request, object_id)
        form = DecideForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.complaint_decide(
                    complaint=complaint, editor=request.user, **form.cleaned_data
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.message_user(
                    request, _("The decision is on record."), messages.SUCCESS
                )
                return self._back(complaint)
        return self._page(
            request, complaint, _("The Press Council's decision"), form, self.TEMPLATE
        )

    def publish_view(self, request, object_id):
        complaint = self._case(request, object_id)
        if request.method != "POST":
            return self._back(complaint)
        try:
            services.reprimand_publish(complaint=complaint, editor=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            self.message_user(
                request,
                _("The reprimand is published on the article's page and in the "
                  "corrections log."),
                messages.SUCCESS,
            )  # fmt: skip
        return self._back(complaint)


def _local(moment) -> str:
    from django.utils.formats import date_format

    return date_format(timezone.localtime(moment), "DATETIME_FORMAT")
