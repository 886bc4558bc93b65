"""For a host's model admin: what the desk adds to the admin of its content.

`KeepsTheRecord` keeps content readers reported on, or that carries notes,
from being deleted in the admin: the admin lists the reports and notes that
stand in the way, as it lists what a foreign key protects (the desk reaches
content through a generic relation, which protects nothing by itself).
"""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst

from correction_desk.models import CorrectionNote, Report


class KeepsTheRecord:
    def get_deleted_objects(self, objs, request):
        to_delete, counts, perms, protected = super().get_deleted_objects(objs, request)
        objs = list(objs)
        for model in (Report, CorrectionNote):
            opts = model._meta
            for kept in model.objects.about_any(objs):
                url = reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change", args=[kept.pk]
                )
                protected.append(
                    format_html(
                        '{}: <a href="{}">{}</a>',
                        capfirst(opts.verbose_name),
                        url,
                        kept,
                    )
                )
        return to_delete, counts, perms, protected
