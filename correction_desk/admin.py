from functools import partial

from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.defaultfilters import truncatechars
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from correction_desk import services
from correction_desk.content_admin import ListsContent
from correction_desk.embed import admin as embed_admin  # noqa: F401 (registers)
from correction_desk.fixing import desk as fix_desk
from correction_desk.models import (
    OPEN_STATUSES,
    CorrectionNote,
    Decision,
    EditorNote,
    PolicyPage,
    Report,
    ReportMessage,
)
from correction_desk.partners import admin as partners_admin  # noqa: F401 (registers)
from correction_desk.press_law import admin as press_law_admin  # noqa: F401 (registers)
from correction_desk.press_law.queue import cases_first
from correction_desk.record import admin as notes_admin  # noqa: F401 (registers)
from correction_desk.record.policy import policy_delete, policy_save
from correction_desk.registry import with_content
from correction_desk.transparency import admin as log_admin  # noqa: F401 (registers)
from correction_desk.triage import decisions
from correction_desk.triage import views as admin_views
from correction_desk.triage.ages import received_ago
from correction_desk.triage.filters import (
    AssigneeFilter,
    ConversationFilter,
    DeskFilter,
    GroupFilter,
    OverdueFilter,
    StatusFilter,
    last_message_sender,
)
from correction_desk.triage.forms import EditorNoteForm, ReasonForm

READER_FIELDS = [
    "content_links",
    "passage",
    "description",
    "suggestion",
    "source_link",
    "reporter_name",
    "reporter_email",
    "language",
    "created_at",
    "article_revision",
]
TRIAGE_FIELDS = ["status", "kind", "priority", "due_at", "assignee"]


# What the queue says of a report's conversation: (class, words).
CONVERSATION = {
    ReportMessage.Sender.EDITORS: ("asked", _("question open")),
    ReportMessage.Sender.READER: ("answered", _("answer received")),
}
ANSWERS_SHOWN = 10
ANSWERS_READ = 200  # the newest answers, of which the editor's open ones are shown


def answers_waiting(editor) -> list[Report]:
    """The reports in the editor's queue whose reader has answered: at the top
    of the list, newest answer first, until the editor asks again or decides.

    Read from the newest answers, which are few, then their reports: never
    from the open reports, which may be many (bench/RESULTS.md, section 8).
    """
    asked_since = ReportMessage.objects.filter(
        report=OuterRef("report"),
        sender=ReportMessage.Sender.EDITORS,
        created_at__gt=OuterRef("created_at"),
    )
    answered = {}
    for report_id, at in (
        ReportMessage.objects.filter(sender=ReportMessage.Sender.READER)
        .exclude(Exists(asked_since))
        .order_by("-created_at", "-pk")
        .values_list("report_id", "created_at")[:ANSWERS_READ]
    ):
        answered.setdefault(report_id, at)
    reports = Report.objects.queue_of(editor).filter(pk__in=answered)
    waiting = sorted(reports, key=lambda r: answered[r.pk], reverse=True)
    waiting = with_content(waiting[:ANSWERS_SHOWN])
    for report in waiting:
        report.answered_at = answered[report.pk]
    return waiting


def bulk_action(decision):
    """The queue's action for one decision of the table."""

    def action(model_admin, request, queryset):
        return model_admin.decide_in_bulk(request, queryset, decision)

    action.__name__ = decision.bulk_action
    action.short_description = decision.bulk_label
    action.allowed_permissions = ("change",)
    return action


class EditorNoteInline(admin.TabularInline):
    model = EditorNote
    form = EditorNoteForm
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]
    extra = 1
    can_delete = False
    verbose_name_plural = _("internal notes (never public)")

    def has_change_permission(self, request, obj=None):
        return False  # a note, once written, stays as written


class DecisionInline(admin.TabularInline):
    model = Decision
    fields = ["created_at", "editor", "action", "from_status", "to_status", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("decision history")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(ListsContent, admin.ModelAdmin):
    list_desk_names = True
    list_display = [
        "age",
        "content_and_desk",
        "short_passage",
        "kind_and_priority",
        "assigned_to",
        "status_and_conversation",
    ]
    list_display_links = ["age"]
    list_filter = [
        StatusFilter,
        DeskFilter,
        "kind",
        AssigneeFilter,
        OverdueFilter,
        ConversationFilter,
        GroupFilter,
    ]
    list_select_related = ["assignee"]
    list_per_page = 50
    ordering = ["created_at", "pk"]
    search_fields = ["description", "passage"]
    inlines = [EditorNoteInline, DecisionInline]
    actions = [bulk_action(decision) for decision in decisions.bulk()]
    change_list_template = "admin/correction_desk/report/change_list.html"

    class Media:
        css = {"all": ["correction_desk/css/admin-corrections.css"]}

    change_form_template = "admin/correction_desk/report/change_form.html"

    # Lists

    @admin.display(description=_("received"), ordering="created_at")
    def age(self, report):
        when = timezone.localtime(report.created_at)
        age = format_html(
            '<time datetime="{}" title="{}">{}</time>',
            when.isoformat(timespec="seconds"),
            date_format(when, "DATETIME_FORMAT"),
            received_ago(report.created_at),
        )
        if report.is_overdue:
            return format_html(
                '{}<br><strong class="report-overdue">{}</strong>', age, _("overdue")
            )
        return age

    @admin.display(description=_("assigned to"), ordering="assignee__username")
    def assigned_to(self, report):
        # A method, not the field: Django keeps foreign keys on one line.
        if report.assignee is None:
            return self.get_empty_value_display()
        return report.assignee.get_full_name() or report.assignee.get_username()

    @admin.display(description=_("status"), ordering="status")
    def status_and_conversation(self, report):
        status = report.get_status_display()
        waiting = CONVERSATION.get(report.last_sender) if report.is_open else None
        if waiting is None:
            return status
        return format_html(
            '{}<br><strong class="queue-conversation queue-{}">{}</strong>',
            status, *waiting,
        )  # fmt: skip

    @admin.display(description=_("kind"), ordering="kind")
    def kind_and_priority(self, report):
        kind = report.get_kind_display() or self.get_empty_value_display()
        if report.priority == Report.Priority.NORMAL:
            return kind
        return format_html(
            "{}<br><small>{}: {}</small>",
            kind,
            _("priority"),
            report.get_priority_display(),
        )

    @admin.display(description=_("article"))
    def content_and_desk(self, report):
        return format_html(
            "{}<br><small>{}</small>",
            truncatechars(report.content_title, 60),
            report.desk_name,
        )

    @admin.display(description=_("passage"))
    def short_passage(self, report):
        text = format_html(
            '<a href="{}">{}</a>',
            reverse("admin:correction_desk_report_change", args=[report.pk]),
            truncatechars(report.passage or report.description, 80),
        )
        if not getattr(report, "group_size", 0):
            return text
        more = ngettext(
            "+%(count)d similar report", "+%(count)d similar reports", report.group_size
        ) % {"count": report.group_size}
        # The whole group, in the list: read together, resolved together.
        return format_html(
            '{} <a class="queue-group" href="?group={}">{}</a>', text, report.pk, more
        )

    def get_queryset(self, request):
        # A subquery, not a join with GROUP BY: the database counts each group for
        # the rows on the page only, not for every report in the table first.
        open_in_group = (
            Report.objects.filter(similar_to=OuterRef("pk"), status__in=OPEN_STATUSES)
            .order_by()
            .values("similar_to")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(
                group_size=Coalesce(
                    Subquery(open_in_group, output_field=IntegerField()), 0
                ),
                last_sender=last_message_sender(),
            )
        )

    def changelist_view(self, request, extra_context=None):
        counts = dict(
            Report.objects.values_list("status").annotate(n=Count("pk")).order_by()
        )
        mine = Report.objects.filter(
            assignee=request.user, status__in=OPEN_STATUSES
        ).count()
        extra_context = {
            **(extra_context or {}),
            "status_counts": [
                (value, label, counts.get(value, 0))
                for value, label in Report.Status.choices
            ],
            "open_count": sum(counts.get(status, 0) for status in OPEN_STATUSES),
            "notes_awaiting": CorrectionNote.objects.awaiting_approval().count(),
            "my_open_count": mine,
            "shortcut_decisions": decisions.with_shortcuts(),
            "answers_waiting": answers_waiting(request.user),
            **cases_first(),
        }
        return super().changelist_view(request, extra_context)

    # One report

    def get_fieldsets(self, request, obj=None):
        reader_fields = [
            field
            for field in READER_FIELDS
            if field != "reporter_email"
            or request.user.has_perm("correction_desk.view_reporter_email")
        ]
        return [
            (_("The reader's report"), {"fields": reader_fields}),
            (_("Triage"), {"fields": TRIAGE_FIELDS}),
        ]

    def get_readonly_fields(self, request, obj=None):
        # What the reader sent is their record; editors do not rewrite it.
        return [*READER_FIELDS, "status"]

    def has_add_permission(self, request):
        return False  # reports come from readers

    def has_delete_permission(self, request, obj=None):
        return False  # never delete reader input: reject or mark as spam instead

    @admin.display(description=_("article"))
    def content_links(self, report):
        links = format_html(
            '{} – <a href="{}" target="_blank" rel="noopener">{}</a>',
            report.content_title,
            report.content_url,
            _("public page"),
        )
        if report.content_edit_url:
            links = format_html(
                '{} · <a href="{}">{}</a>',
                links,
                report.content_edit_url,
                _("edit article"),
            )
        return links

    @admin.display(description=_("source"))
    def source_link(self, report):
        if not report.source_url:
            return "–"
        return format_html(
            '<a href="{0}" rel="noopener noreferrer nofollow" target="_blank">{0}</a>',
            report.source_url,
        )

    def save_model(self, request, obj, form, change):
        """Triage changes go through the services, which record each decision."""
        data = form.cleaned_data
        if {"kind", "priority", "due_at"} & set(form.changed_data):
            services.report_classify(
                report=obj,
                editor=request.user,
                kind=data["kind"],
                priority=data["priority"],
                due_at=data["due_at"] if "due_at" in form.changed_data else None,
            )
        if "assignee" in form.changed_data:
            services.report_assign(
                report=obj, editor=request.user, assignee=data["assignee"]
            )

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            if note.pk is None:
                services.note_add(
                    report=form.instance, author=request.user, text=note.text
                )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        report = self.get_object(request, object_id)
        if report is not None:
            extra_context = {
                **(extra_context or {}),
                **admin_views.report_panels(report, request.user),
            }
            if report.is_open and report.adapter.can_edit(request.user, report.content):
                extra_context.update(fix_desk.desk_context(report))
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "metrics/",
                view(admin_views.MetricsView.as_view(model_admin=self)),
                name="correction_desk_report_metrics",
            ),
            path(
                "privacy/",
                view(partial(admin_views.privacy_request, self)),
                name="correction_desk_report_privacy",
            ),
            path(
                "<path:object_id>/decide/",
                view(self.object_view(admin_views.decide)),
                name="correction_desk_report_decide",
            ),
            path(
                "<path:object_id>/duplicates/",
                view(self.object_view(admin_views.mark_duplicates)),
                name="correction_desk_report_duplicates",
            ),
            path(
                "<path:object_id>/ungroup/",
                view(self.object_view(admin_views.ungroup)),
                name="correction_desk_report_ungroup",
            ),
            path(
                "<path:object_id>/ask/",
                view(self.object_view(admin_views.ask_reader)),
                name="correction_desk_report_ask",
            ),
            path(
                "<path:object_id>/fix/",
                view(self.object_view(fix_desk.fix)),
                name="correction_desk_report_fix",
            ),
            path(
                "<path:object_id>/publish-correction/",
                view(self.object_view(admin_views.publish_correction)),
                name="correction_desk_report_publish",
            ),
            *super().get_urls(),
        ]

    def object_view(self, function):
        """Wrap an admin page about one report: permission and lookup first."""

        def wrapper(request, object_id):
            report = self.get_object(request, object_id)
            if report is None or not self.has_change_permission(request, report):
                return self._get_obj_does_not_exist_redirect(
                    request, self.opts, object_id
                )
            return function(self, request, report)

        return wrapper

    # Bulk actions

    def apply_to_each(self, request, queryset, change, done_message):
        """Apply a service to each report; report how many it worked for."""
        done = refused = 0
        handled: set[int] = set()  # resolved with an earlier one's group
        for report in queryset:
            if report.pk in handled:
                continue
            try:
                outcome = change(report)
            except ValidationError:
                refused += 1
                continue
            # A list: the reports resolved together with this one.
            resolved = outcome if isinstance(outcome, list) else [outcome]
            handled.update(each.pk for each in resolved)
            done += len(resolved)
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%d report was left as it was: that step is not possible from "
                    "its status.",
                    "%d reports were left as they were: that step is not possible "
                    "from their status.",
                    refused,
                )
                % refused,
                messages.WARNING,
            )

    def get_actions(self, request, action_location=ActionLocation.CHANGE_LIST):
        # From the table as it stands, so that a decision added to it is an
        # action too, with nothing else to change.
        self.actions = [bulk_action(decision) for decision in decisions.bulk()]
        return super().get_actions(request, action_location=action_location)

    def decide_in_bulk(self, request, queryset, decision):
        """A decision from the table (correction_desk/triage/decisions.py) on the ticked
        reports; one that needs a reason asks for it first."""
        reason = ""
        if decision.needs_reason:
            form = ReasonForm(request.POST if "apply" in request.POST else None)
            if not form.is_valid():
                return TemplateResponse(
                    request,
                    "admin/correction_desk/report/reject_reason.html",
                    {
                        **self.admin_site.each_context(request),
                        "opts": self.opts,
                        "title": decision.bulk_label,
                        "decision": decision,
                        "form": form,
                        "reports": with_content(queryset),
                        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                    },
                )
            reason = form.cleaned_data["reason"]
        self.apply_to_each(
            request,
            queryset,
            lambda report: decision.apply(report, request.user, reason),
            decision.bulk_done,
        )
        return None


@admin.register(PolicyPage)
class PolicyPageAdmin(admin.ModelAdmin):
    list_display = ["title", "language", "updated_at"]
    fields = ["language", "title", "body"]
    view_on_site = False

    def save_model(self, request, obj, form, change):
        policy_save(obj)

    def delete_model(self, request, obj):
        policy_delete(obj)

    def delete_queryset(self, request, queryset):
        for page in queryset:
            policy_delete(page)
