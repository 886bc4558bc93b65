from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from correction_desk.models import OPEN_STATUSES, Report
from correction_desk.registry import with_content
from correction_desk.triage.mail import absolute, desk_address


class Command(BaseCommand):
    help = gettext_lazy(
        "E-mail each desk its open and overdue reports. Run it once a day."
    )

    def handle(self, *args, **options):
        by_desk: dict[str, list[Report]] = defaultdict(list)
        reports = (
            Report.objects.filter(status__in=OPEN_STATUSES)
            .select_related("assignee")
            .order_by("due_at", "created_at")
        )
        addresses: dict = {}
        for report in with_content(reports):
            key = (report.content_type_id, report.desk)
            if key not in addresses:
                addresses[key] = desk_address(report)
            by_desk[addresses[key]].append(report)
        now = timezone.now()
        with translation.override(settings.LANGUAGE_CODE):
            for address, open_reports in by_desk.items():
                overdue = [r for r in open_reports if r.due_at and r.due_at < now]
                context = {
                    "open_reports": [
                        (
                            r,
                            absolute(
                                reverse(
                                    "admin:correction_desk_report_change", args=[r.pk]
                                )
                            ),
                        )
                        for r in open_reports
                    ],
                    "open_count": len(open_reports),
                    "overdue_count": len(overdue),
                    "queue_url": absolute(
                        reverse("admin:correction_desk_report_changelist")
                    ),
                }
                send_mail(
                    _("Corrections desk: %(open)d open, %(overdue)d overdue")
                    % {"open": len(open_reports), "overdue": len(overdue)},
                    render_to_string("correction_desk/email/desk_digest.txt", context),
                    None,
                    [address],
                )
        self.stdout.write(
            ngettext(
                "Sent the digest to %(count)d desk.",
                "Sent the digest to %(count)d desks.",
                len(by_desk),
            )
            % {"count": len(by_desk)}
        )
