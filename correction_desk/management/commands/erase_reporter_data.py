from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext

from correction_desk.conf import setting
from correction_desk.services import reports_erase_reporter_data


class Command(BaseCommand):
    help = gettext_lazy(
        "Erase readers' names and e-mail addresses from reports older than "
        "NEWSROOM_REPORTER_DATA_DAYS, as the report form promises. Run it daily."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=setting("REPORTER_DATA_DAYS"))
        count = reports_erase_reporter_data(received_before=cutoff)
        self.stdout.write(
            ngettext(
                "Erased the reporter's data from %(count)d report.",
                "Erased the reporter's data from %(count)d reports.",
                count,
            )
            % {"count": count}
        )
