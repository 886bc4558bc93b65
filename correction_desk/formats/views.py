"""One piece of content as an item, in NewsML-G2 and in ninjs, for partners who
fetch rather than listen (the same documents a webhook sends them)."""

import json

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse

from correction_desk import pages as page_cache
from correction_desk.formats import newsml, ninjs
from correction_desk.formats.item import item_for
from correction_desk.models import CorrectionNote
from correction_desk.registry import adapter_for, model_of


def _content(model: str, pk: str):
    """Public content, or content that left the public after notes were
    published on it (its item is then `canceled`); else a 404."""
    model = model_of(model)
    if model is None:
        raise Http404
    try:
        content = model._default_manager.filter(pk=pk).first()
    except (ValueError, ValidationError):
        raise Http404 from None
    if content is None:
        raise Http404
    public = adapter_for(content).is_public(content)
    if not public and not CorrectionNote.objects.about(content).published().exists():
        raise Http404
    return content


def _item(request, model, pk):
    content = _content(model, pk)
    page_cache.tag(request, *adapter_for(content).surrogate_keys(content))
    return item_for(content, request.build_absolute_uri)


def content_newsml(request, model, pk):
    body = newsml.news_item(_item(request, model, pk))
    return HttpResponse(body, content_type=f"{newsml.CONTENT_TYPE}; charset=utf-8")


def content_ninjs(request, model, pk):
    body = json.dumps(ninjs.document(_item(request, model, pk)), ensure_ascii=False)
    return HttpResponse(body, content_type=f"{ninjs.CONTENT_TYPE}; charset=utf-8")
