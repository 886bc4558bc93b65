from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from newsroom.parsing import whole_number


def is_pk(model, value, field_name: str | None = None) -> bool:
    """Whether `value` can be a key of `model` (the primary key, or `field_name`).

    Never a database error: integers are read by the one parser of the site.
    """
    field = model._meta.get_field(field_name) if field_name else model._meta.pk
    if isinstance(field, models.AutoField | models.IntegerField):
        # 0 too: the transparency log counts its records from 0, as RFC 6962 does.
        return value == "0" or whole_number(value) is not None
    try:
        field.to_python(value)
    except ValidationError:
        return False
    return True


class CheckedIdsForm:
    """A form whose related-object fields see only values that can be ids.

    Django's autocomplete widgets look a submitted value up to show it again,
    whatever it is, so "²" in a posted article or author id is a 500. Such
    values are dropped first; the field then says what is missing.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            return
        data = self.data.copy()
        for name, field in self.fields.items():
            if not isinstance(field, forms.ModelChoiceField):
                continue
            key = self.add_prefix(name)
            values = data.getlist(key)
            model, by = field.queryset.model, field.to_field_name
            checked = [v for v in values if is_pk(model, v, by)]
            if checked != values:
                data.setlist(key, checked)
        self.data = data


class CheckedSelectionMixin:
    """Bulk actions and forms take only ids that can be ids.

    Django's admin filters the selected rows with the posted values as they come,
    so "²" or a 23-digit number in `_selected_action` is a 500. Values that cannot
    be a primary key are dropped; with none left, the admin says nothing was
    selected, as it does for an empty selection. Forms get `CheckedIdsForm`.
    """

    def response_action(self, request, queryset, **kwargs):
        selected = request.POST.getlist(ACTION_CHECKBOX_NAME)
        valid = [value for value in selected if is_pk(self.model, value)]
        if valid != selected:
            request.POST = request.POST.copy()
            request.POST.setlist(ACTION_CHECKBOX_NAME, valid)
        return super().response_action(request, queryset, **kwargs)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (CheckedIdsForm, form), {})


class DeclaredLookupsMixin:
    """A change list filters only by the parameters its own filters declare.

    Django lets any lookup on a model's own fields through the query string, so
    `?reporter_email__startswith=a` reads a field the list never shows, one
    character at a time. Here a parameter passes only if one of the list's
    filters (or its date hierarchy) expects it, or a raw-id popup's
    `limit_choices_to` asks for it; anything else is a 400, as Django answers
    for a relation it refuses.
    """

    def lookup_allowed(self, lookup, value, request):
        return lookup in self.declared_lookups(request) or self._popup_lookup(
            lookup, value
        )

    def declared_lookups(self, request) -> set[str]:
        cached = getattr(request, "_declared_lookups", {})
        if self in cached:
            return cached[self]
        declared = set()
        for item in self.get_list_filter(request):
            declared.update(self._filter(item, request).expected_parameters())
        if self.date_hierarchy:
            declared.update(
                f"{self.date_hierarchy}__{part}" for part in ("year", "month", "day")
            )
        cached[self] = declared
        request._declared_lookups = cached
        return declared

    def _filter(self, item, request):
        from django.contrib.admin.filters import FieldListFilter
        from django.contrib.admin.utils import get_fields_from_path

        if isinstance(item, type):
            return item(request, {}, self.model, self)
        path, factory = item if isinstance(item, list | tuple) else (item, None)
        field = get_fields_from_path(self.model, path)[-1]
        factory = factory or FieldListFilter.create
        return factory(field, request, {}, self.model, self, field_path=path)

    def _popup_lookup(self, lookup, value) -> bool:
        from django.contrib.admin import widgets

        for fk_lookup in self.model._meta.related_fkey_lookups:
            if callable(fk_lookup):
                fk_lookup = fk_lookup()
            params = widgets.url_params_from_lookup_dict(fk_lookup)
            if (lookup, value) in params.items():
                return True
        return False


class PlainTitlesMixin:
    """Titles that name the thing ("Meldungen", "Meldung #12") instead of
    Django's "Meldung zur Änderung auswählen" and "Meldung ändern"."""

    def changelist_view(self, request, extra_context=None):
        title = capfirst(self.opts.verbose_name_plural)
        return super().changelist_view(
            request, {"title": title, **(extra_context or {})}
        )

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        if obj is not None and obj.pk is not None:
            name, shown = str(capfirst(self.opts.verbose_name)), str(obj)
            context["title"] = shown if shown.startswith(name) else f"{name}: {shown}"
            context["subtitle"] = None  # the title names it already
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


class NewsroomAdminSite(admin.AdminSite):
    @property
    def site_header(self):
        return gettext_now("%(site)s – editors") % {"site": settings.SITE_NAME}

    @property
    def site_title(self):
        return gettext_now("%(site)s editors") % {"site": settings.SITE_NAME}

    index_title = _("Editorial desk")

    def register(self, model_or_iterable, admin_class=None, **options):
        """Every model admin, ours and other apps', checks its bulk selection,
        filters only by the lookups it declares and has plain titles."""
        admin_class = admin_class or admin.ModelAdmin
        rules = tuple(
            rule
            for rule in (CheckedSelectionMixin, DeclaredLookupsMixin, PlainTitlesMixin)
            if not issubclass(admin_class, rule)
        )
        if rules:
            admin_class = type(admin_class.__name__, (*rules, admin_class), {})
        return super().register(model_or_iterable, admin_class, **options)
