"""The transparency log in the desk's admin: read only, as the log is; the
one thing an editor adds is why content left the public (a court order, an
erasure request), appended as a record of its own."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from correction_desk.registry import adapter_for
from correction_desk.transparency import log
from correction_desk.transparency.models import LogRecord
from correction_desk.transparency.texts import logged_content


@admin.register(LogRecord)
class LogRecordAdmin(admin.ModelAdmin):
    list_display = ["index", "kind", "url", "number", "at", "reason"]
    list_filter = ["kind"]
    search_fields = ["url"]
    actions = ["removed_by_court_order", "removed_on_erasure_request"]
    view_on_site = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(
        description=_("Left the public by court order"),
        permissions=["view"],
    )
    def removed_by_court_order(self, request, queryset):
        self._removed(request, queryset, LogRecord.Reason.COURT_ORDER)

    @admin.action(
        description=_("Left the public on an erasure request"),
        permissions=["view"],
    )
    def removed_on_erasure_request(self, request, queryset):
        self._removed(request, queryset, LogRecord.Reason.ERASURE)

    def _removed(self, request, queryset, reason):
        if not request.user.has_perm("correction_desk.add_correctionnote"):
            self.message_user(
                request,
                _("Only editors who publish notes may say this."),
                messages.ERROR,
            )
            return
        recorded, still_public = 0, 0
        seen = set()
        for record in queryset:
            key = (record.content_type_id, record.object_id)
            if key in seen:
                continue
            seen.add(key)
            content = logged_content(record)
            if content is not None and adapter_for(content).is_public(content):
                still_public += 1
                continue
            recorded += bool(log.log_removal_of(record, reason))
        if still_public:
            self.message_user(
                request,
                ngettext(
                    "%(count)d is still public: unpublish it first.",
                    "%(count)d are still public: unpublish them first.",
                    still_public,
                )
                % {"count": still_public},
                messages.ERROR,
            )
        if recorded:
            self.message_user(
                request,
                ngettext(
                    "The log now says why %(count)d left the public.",
                    "The log now says why %(count)d left the public.",
                    recorded,
                )
                % {"count": recorded},
            )
