from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from correction_desk.models import OPEN_STATUSES, Report, ReportMessage
from correction_desk.registry import all_desks
from correction_desk.support.parsing import whole_number

OPEN = "open"
ALL = "all"


class StatusFilter(admin.SimpleListFilter):
    """Status, opening on the open reports (new and in review)."""

    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [(OPEN, _("open")), (ALL, _("all")), *Report.Status.choices]

    def value(self):
        return super().value() or OPEN

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}
                ),
                "display": title,
            }

    def queryset(self, request, queryset):
        if self.value() == OPEN and GroupFilter.parameter_name in request.GET:
            return queryset.filter(status__in=OPEN_STATUSES)  # the group, opened
        if self.value() == OPEN:
            # A group of reports about the same thing is one row: its first.
            open_leader = Report.objects.filter(pk=OuterRef("similar_to"), queued=True)
            return queryset.filter(queued=True).filter(
                Q(similar_to__isnull=True) | ~Exists(open_leader)
            )
        if self.value() == ALL:
            return queryset
        return queryset.filter(status=self.value())


class AssigneeFilter(admin.SimpleListFilter):
    title = _("assigned to")
    parameter_name = "assignee"
    ME, NOBODY = "me", "nobody"

    def lookups(self, request, model_admin):
        editors = (
            get_user_model()
            .objects.filter(is_staff=True, is_active=True)
            .order_by("username")
            .only("pk", "username")
        )
        return [
            (self.ME, _("me")),
            (self.NOBODY, _("nobody")),
            *((str(user.pk), user.get_username()) for user in editors),
        ]

    def queryset(self, request, queryset):
        if self.value() == self.ME:
            return queryset.filter(assignee=request.user)
        if self.value() == self.NOBODY:
            return queryset.filter(assignee__isnull=True)
        editor = whole_number(self.value())
        if editor is not None:
            return queryset.filter(assignee_id=editor)
        return queryset


class OverdueFilter(admin.SimpleListFilter):
    title = _("overdue")
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", _("overdue")), ("no", _("on time"))]

    def queryset(self, request, queryset):
        overdue = {"status__in": OPEN_STATUSES, "due_at__lt": timezone.now()}
        if self.value() == "yes":
            return queryset.filter(**overdue)
        if self.value() == "no":
            return queryset.exclude(**overdue)
        return queryset


def last_message_sender():
    """Who wrote a report's last message: the editors (a question waits for
    the reader) or the reader (an answer waits for the editors); None."""
    return Subquery(
        ReportMessage.objects.filter(report=OuterRef("pk"))
        .order_by("-created_at", "-pk")
        .values("sender")[:1]
    )


class ConversationFilter(admin.SimpleListFilter):
    """Reports with a question to the reader open, or with their answer."""

    title = _("conversation")
    parameter_name = "conversation"
    ASKED, ANSWERED = "asked", "answered"
    SENDER = {
        ASKED: ReportMessage.Sender.EDITORS,
        ANSWERED: ReportMessage.Sender.READER,
    }

    def lookups(self, request, model_admin):
        return [(self.ASKED, _("question open")), (self.ANSWERED, _("answer received"))]

    def queryset(self, request, queryset):
        if self.value() in self.SENDER:
            return queryset.alias(filtered_sender=last_message_sender()).filter(
                filtered_sender=self.SENDER[self.value()]
            )
        return queryset


class GroupFilter(admin.SimpleListFilter):
    """One group of reports about the same thing: its first and the rest."""

    title = _("group")
    parameter_name = "group"

    def lookups(self, request, model_admin):
        leader = whole_number(self.value())
        if leader is None:
            return []
        return [(str(leader), _("Report #%(number)s") % {"number": leader})]

    def queryset(self, request, queryset):
        leader = whole_number(self.value())
        if leader is None:
            return queryset
        return queryset.filter(Q(pk=leader) | Q(similar_to=leader))


class DeskFilter(admin.SimpleListFilter):
    """The desk a report went to (for our articles, their section)."""

    title = _("section")
    parameter_name = "desk"

    def lookups(self, request, model_admin):
        return all_desks()

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(desk=self.value())
        return queryset
