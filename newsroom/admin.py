from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsroom.parsing import whole_number


class CheckedSelectionMixin:
    """Bulk actions take only ids that can be ids.

    Django's admin filters the selected rows with the posted values as they come,
    so "²" or a 23-digit number in `_selected_action` is a 500. Values that cannot
    be a primary key are dropped; with none left, the admin says nothing was
    selected, as it does for an empty selection.
    """

    def response_action(self, request, queryset, **kwargs):
        selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
        valid = [value for value in selected if self._is_pk(value)]
        if valid != selected:
            request.POST = request.POST.copy()
            request.POST.setlist(ACTION_CHECKBOX_NAME, valid)
        return super().response_action(request, queryset, **kwargs)

    def _is_pk(self, value) -> bool:
        pk = self.model._meta.pk
        if isinstance(pk, models.AutoField | models.IntegerField):
            return whole_number(value) is not None
        try:
            pk.to_python(value)
        except ValidationError:
            return False
        return True


class NewsroomAdminSite(admin.AdminSite):
    site_header = _("Newsroom – editors")
    site_title = _("Newsroom editors")
    index_title = _("Editorial desk")

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model admin, ours and other apps', checks its bulk selection."""
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, CheckedSelectionMixin):
            admin_class = type(
                admin_class.__name__, (CheckedSelectionMixin, admin_class), {}
            )
        return super().register(model_or_iterable, admin_class, **options)
