"""The public record: the log, the policy, the privacy page and the JSON record."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.generic import ListView, TemplateView

from correction_desk import conf
from correction_desk import pages as page_cache
from correction_desk.conf import setting
from correction_desk.intake.views import public_content
from correction_desk.models import CorrectionNote, PolicyPage
from correction_desk.pages import ListParameters
from correction_desk.record import machine as record
from correction_desk.registry import (
    adapter_for,
    all_desks,
    listing_keys,
    with_content,
)
from correction_desk.support import json_text
from correction_desk.support.json_text import json_ld_script


class PolicyView(TemplateView):
    template_name = "correction_desk/policy.html"

    def get_context_data(self, **kwargs):
        pages = {page.language: page for page in PolicyPage.objects.all()}
        page = pages.get(conf.language()) or pages.get(settings.LANGUAGE_CODE)
        if page is None:
            raise Http404
        page_cache.tag(self.request, page_cache.policy_key())
        return super().get_context_data(page=page, **kwargs)


class PrivacyView(TemplateView):
    template_name = "correction_desk/privacy.html"
    extra_context = {"reporter_data_days": setting("REPORTER_DATA_DAYS")}

    def get_context_data(self, **kwargs):
        page_cache.tag(self.request)  # nothing but what every page shows
        return super().get_context_data(**kwargs)


class LogParameters(ListParameters):
    """The log's filters: a section and a type of note; empty for all."""

    section = forms.SlugField(required=False)
    type = forms.ChoiceField(
        required=False, choices=[("", ""), *CorrectionNote.Kind.choices]
    )


class CorrectionLogView(ListView):
    """Every published correction note, newest first."""

    template_name = "correction_desk/log.html"
    context_object_name = "notes"
    paginate_by = 20

    def get_queryset(self):
        notes = log_notes(conf.language())
        parameters = self.request.page_parameters
        self.section = parameters["section"]
        self.kind = parameters["type"]
        self.desks = all_desks()
        if self.section:
            # A section that does not exist is a missing page, not an empty log.
            if self.section not in dict(self.desks):
                raise Http404
            notes = notes.filter(desk=self.section)
        if self.kind:
            notes = notes.filter(kind=self.kind)
        return notes

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        notes = with_content(context["notes"], desk_names=True)
        context["notes"] = context["page_obj"].object_list = notes
        page_cache.tag(
            self.request,
            page_cache.log_key(),
            *listing_keys(),
            *{
                key
                for note in notes
                for key in adapter_for(note.content).surrogate_keys(note.content)
            },
        )
        return context | {
            "sections": [{"slug": key, "name": name} for key, name in self.desks],
            "kinds": CorrectionNote.Kind.choices,
            "section": self.section,
            "kind": self.kind,
            "json_ld": json_ld_script(
                record.item_list(context["notes"], self.request.build_absolute_uri)
            ),
        }


class CorrectionRecordView(CorrectionLogView):
    """The log for machines: its notes and filters as JSON (record/machine.py)."""

    paginate_by = 100

    def render_to_response(self, context, **response_kwargs):
        page = context["page_obj"]
        return JsonResponse(
            record.document(
                self.request,
                context["notes"],
                page=page.number,
                pages=page.paginator.num_pages,
                previous=self.page_url(page.previous_page_number())
                if page.has_previous()
                else None,
                next=self.page_url(page.next_page_number())
                if page.has_next()
                else None,
                **transparency_block(self.request),
            ),
            encoder=json_text.TextEncoder,
            json_dumps_params={"ensure_ascii": False},
        )

    def page_url(self, number: int) -> str:
        parameters = {**self.request.page_parameters, "page": number}
        query = urlencode(sorted((k, v) for k, v in parameters.items() if v))
        return self.request.build_absolute_uri(f"{self.request.path}?{query}")


def transparency_block(request) -> dict:
    """The log's latest checkpoint, where readers keep copies (announce.py)."""
    from correction_desk.transparency.log import latest_checkpoint

    checkpoint = latest_checkpoint()
    if checkpoint is None:
        return {}
    absolute = request.build_absolute_uri
    return {
        "transparency": {
            "checkpoint": checkpoint.note,
            "size": checkpoint.size,
            "checkpoint_url": absolute(
                reverse("correction_desk_log:checkpoint-at", args=[checkpoint.size])
            ),
            "key_url": absolute(reverse("correction_desk_log:key")),
        }
    }


def log_notes(language: str):
    """The published notes on public content in one language, newest first:
    the log's, the feeds' and the record's. With them the counter-statements
    whose content is offered no more, for as long as the law keeps them
    offered (press_law/deadlines.py)."""
    notes = CorrectionNote.objects.published().filter(language=language)
    elsewhere = notes.filter(
        kind=CorrectionNote.Kind.COUNTER_STATEMENT, shown_until__gt=timezone.now()
    ).on_existing_content()
    return (notes.on_public_content() | elsewhere).order_by("-published_at", "-pk")


def content_corrections_record(request, model, pk):
    """One piece of content's published notes, as JSON."""
    content = public_content(model, pk)
    if content is None:
        raise Http404
    return corrections_record(request, content)


def corrections_record(request, content):
    """The JSON record of one piece of content's published notes."""
    adapter = adapter_for(content)
    page_cache.tag(request, *adapter.surrogate_keys(content))
    notes = list(
        CorrectionNote.objects.about(content).published().order_by("published_at", "pk")
    )
    for note in notes:
        note.content = content
    absolute = request.build_absolute_uri
    return JsonResponse(
        record.document(
            request, notes, article=record.article_record(content, absolute)
        ),
        json_dumps_params={"ensure_ascii": False},
    )
