from django.contrib import admin
from django.template.defaultfilters import truncatechars
from django.utils.translation import gettext_lazy as _

from .models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "article", "short_passage", "status", "language"]
    list_filter = ["status", "language"]
    list_select_related = ["article"]
    search_fields = ["description", "passage", "article__title"]
    exclude = ["client_hash"]

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        # What the reader sent is their record; editors do not rewrite it.
        return [
            f.name for f in Report._meta.fields if f.name not in {"id", "client_hash"}
        ]

    @admin.display(description=_("passage"))
    def short_passage(self, report):
        return truncatechars(report.passage or report.description, 80)
