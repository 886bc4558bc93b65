"""Which content models the desk attaches to, and each one's adapter.

A host registers its models once, in its AppConfig.ready():

    from correction_desk.registry import register
    register(Article, ArticleAdapter)
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.exceptions import ImproperlyConfigured
from django.db.models import ProtectedError, prefetch_related_objects
from django.db.models.signals import pre_delete

from correction_desk.adapters import ContentAdapter

_adapters: dict = {}


def register(model, adapter_class=ContentAdapter) -> ContentAdapter:
    """Let readers report errors in `model`'s content, through `adapter_class`."""
    if model._meta.abstract or model._meta.proxy:
        raise ImproperlyConfigured(f"{model.__name__}: register a concrete model.")
    adapter = adapter_class(model)
    _adapters[model._meta.label_lower] = adapter
    pre_delete.connect(_keep_the_record, sender=model, dispatch_uid=_uid(model))
    return adapter


def _uid(model) -> str:
    return f"correction_desk:{model._meta.label_lower}"


def _keep_the_record(sender, instance, **kwargs) -> None:
    """Content readers reported on, or that carries notes, is part of the
    public record: it cannot be deleted (unpublish it instead)."""
    from correction_desk.models import (
        CorrectionNote,
        CounterStatementDemand,
        PresseratComplaint,
        Report,
    )
    from correction_desk.transparency.log import log_removal
    from correction_desk.transparency.models import LogRecord

    for model in (Report, CorrectionNote, CounterStatementDemand, PresseratComplaint):
        kept = model.objects.about(instance)
        if kept.exists():
            raise ProtectedError(
                f"{instance._meta.verbose_name} has {model._meta.verbose_name_plural}",
                set(kept),
            )
    # What the log holds of it stays; the log says it is gone.
    log_removal(instance, LogRecord.Reason.DELETED)


def unregister(model) -> None:
    _adapters.pop(model._meta.label_lower, None)
    pre_delete.disconnect(_keep_the_record, sender=model, dispatch_uid=_uid(model))


def listing_keys() -> list[str]:
    """What pages listing public content carry, for every registered kind."""
    return sorted({key for each in _adapters.values() for key in each.listing_keys()})


def is_registered(model) -> bool:
    return model._meta.concrete_model._meta.label_lower in _adapters


def adapter_for(content_or_model) -> ContentAdapter:
    """The adapter of a registered model, or of an instance of one."""
    model = content_or_model._meta.concrete_model
    try:
        return _adapters[model._meta.label_lower]
    except KeyError:
        raise ImproperlyConfigured(
            f"{model._meta.label} is not registered with the corrections desk "
            "(correction_desk.registry.register)."
        ) from None


def adapters() -> list[ContentAdapter]:
    return list(_adapters.values())


def content_types() -> dict:
    """The registered models' content types, by model."""
    models = [adapter.model for adapter in _adapters.values()]
    return ContentType.objects.get_for_models(*models, for_concrete_models=True)


def model_of(label: str):
    """The registered model with this `app_label.model_name`, or None."""
    adapter = _adapters.get(label.lower())
    return adapter.model if adapter else None


def content_key(content) -> str:
    """`app_label.model_name:pk`: names one piece of content in links and stamps."""
    return f"{content._meta.concrete_model._meta.label_lower}:{content.pk}"


def with_content(items, desk_names: bool = False) -> list:
    """Reports or notes, each with its content read in one query per model
    (the adapter's queryset); with `desk_names`, each its desk's name too."""
    items = list(items)
    querysets = [adapter.queryset() for adapter in _adapters.values()]
    prefetch_related_objects(items, GenericPrefetch("content", querysets))
    if desk_names:
        names = dict(all_desks())
        for item in items:
            item.desk_name = names.get(item.desk, item.desk)
    return items


def all_desks() -> list[tuple[str, str]]:
    """Every desk of every kind of content, by name."""
    desks = {key: name for adapter in adapters() for key, name in adapter.desks()}
    return sorted(desks.items(), key=lambda desk: desk[1])
