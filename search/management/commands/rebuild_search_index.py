from django.core.management.base import BaseCommand
from django.utils.translation import gettext_lazy, ngettext

from articles import surrogate
from search.index import rebuild
from search.purges import KEYS


class Command(BaseCommand):
    help = gettext_lazy(
        "Write the search index again from the published articles and their "
        "notes, e.g. after rows were changed behind Django's back."
    )

    def handle(self, *args, **options):
        count = rebuild()
        surrogate.purge(KEYS)  # pages cached from the index before
        self.stdout.write(
            ngettext(
                "The search index now holds %(count)d entry.",
                "The search index now holds %(count)d entries.",
                count,
            )
            % {"count": count}
        )
