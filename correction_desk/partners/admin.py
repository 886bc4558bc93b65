"""Partners' webhook endpoints and the log of what was sent to them."""

from django.contrib import admin, messages
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from correction_desk.models import PartnerEndpoint, WebhookDelivery
from correction_desk.partners import webhooks


@admin.register(PartnerEndpoint)
class PartnerEndpointAdmin(admin.ModelAdmin):
    list_display = ["name", "url", "body_format", "active", "created_at"]
    list_filter = ["active", "body_format"]
    fields = [
        "name", "url", "body_format", "active", "secret", "standard_secret",
        "legacy_signature", "missed_events",
    ]  # fmt: skip
    readonly_fields = ["standard_secret", "missed_events"]
    view_on_site = False

    @admin.display(description=_("secret for Standard Webhooks"))
    def standard_secret(self, endpoint):
        return endpoint.standard_secret if endpoint.pk else "–"

    @admin.display(description=_("missed events (for the partner)"))
    def missed_events(self, endpoint):
        if not endpoint.pk:
            return "–"
        return reverse("correction_desk:missed-events", args=[endpoint.key])


@admin.register(WebhookDelivery)
class WebhookDeliveryAdmin(admin.ModelAdmin):
    list_display = [
        "created_at", "endpoint", "event", "note", "status", "attempts",
        "response_status", "last_error",
    ]  # fmt: skip
    list_filter = ["status", "event", "endpoint"]
    list_select_related = ["endpoint", "note"]
    readonly_fields = [
        "endpoint", "note", "event", "payload", "status", "attempts",
        "response_status", "last_error", "created_at", "delivered_at",
    ]  # fmt: skip
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False  # made by publishing, amending or withdrawing a note

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Send again"), permissions=["view", "resend"])
    def send_again(self, request, queryset):
        with transaction.atomic():
            for delivery in queryset:
                webhooks.resend(delivery)
        count = queryset.count()
        self.message_user(
            request,
            ngettext("%d event is sent again.", "%d events are sent again.", count)
            % count,
            messages.SUCCESS,
        )

    def has_resend_permission(self, request):
        return request.user.has_perm("correction_desk.add_partnerendpoint")
