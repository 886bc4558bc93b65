from django.core.management.base import BaseCommand
from django.utils.translation import gettext_lazy, ngettext

import pagecache
from search.index import rebuild
from search.purges import result_keys


class Command(BaseCommand):
    help = gettext_lazy(
        "Write the search index again from the published articles and their "
        "notes, e.g. after rows were changed behind Django's back."
    )

    def handle(self, *args, **options):
        count = rebuild()
        pagecache.purge(*result_keys())  # pages cached from the index before
        self.stdout.write(
            ngettext(
                "The search index now holds %(count)d entry.",
                "The search index now holds %(count)d entries.",
                count,
            )
            % {"count": count}
        )
