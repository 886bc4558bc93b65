from functools import wraps
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import ListView, TemplateView

from articles import surrogate
from articles.caching import ListParameters
from articles.structured_data import json_ld_script
from newsroom import json_text
from newsroom.parsing import whole_number

from . import record
from .clients import client_hash
from .forms import ReportForm
from .models import CorrectionNote, PolicyPage
from .origin import same_origin_required
from .ratelimit import Limit, hit
from .registry import adapter_for, all_desks, content_key, model_of, with_content
from .services import report_submit
from .status import SENT_PARAMETER, status_url


def post_only(view):
    """Answer anything but POST with 405 and a page that leads back to the article."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            content = public_content(kwargs["model"], kwargs["pk"])
            response = render(
                request,
                "corrections/post_only.html",
                content_context(content) if content else {},
                status=405,
            )
            response["Allow"] = "POST"
            return response
        return view(request, *args, **kwargs)

    return wrapper


def refuse_large_bodies(view):
    """Answer 413 before reading a body larger than any reader's browser sends."""
    limit = ReportForm.max_body_bytes()

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        length = request.META.get("CONTENT_LENGTH") or "0"
        size = 0 if length == "0" else whole_number(length)
        if size is None or size > limit:
            return render(
                request,
                "corrections/too_large.html",
                {"limits": ReportForm.base_fields},
                status=413,
            )
        return view(request, *args, **kwargs)

    return wrapper


def public_content(model: str, pk: str):
    """The registered content a URL names, if the public may see it; else None."""
    model = model_of(model)
    if model is None:
        return None
    try:
        content = model._default_manager.filter(pk=pk).first()
    except (ValueError, ValidationError):  # not a key of that model
        return None
    if content is None or not adapter_for(content).is_public(content):
        return None
    return content


def report_limits(content) -> list[Limit]:
    return [
        Limit(
            f"content-{content_key(content)}",
            settings.NEWSROOM_REPORTS_PER_ARTICLE_PER_MINUTE,
            60,
        ),
        Limit("day", settings.NEWSROOM_REPORTS_PER_DAY, 24 * 60 * 60),
    ]


def content_context(content) -> dict:
    adapter = adapter_for(content)
    return {
        "content": content,
        "content_title": adapter.title(content),
        "content_url": adapter.url(content),
    }


def render_with_form(request, content, form, status, **extra):
    """The content's page with the reader's form again, if its host renders
    one; else the desk's own page with the form and a link back."""
    extra = {**content_context(content), **extra}
    response = adapter_for(content).render_with_form(
        request, content, form, status, extra
    )
    if response is not None:
        return response
    template = extra.pop("template", "corrections/report_page.html")
    context = {"report_form": form, **extra}
    return render(request, template, context, status=status)


# Exempt from Django's cookie-based CSRF check: see corrections/origin.py for why,
# and for the protection that replaces it.
@csrf_exempt
@post_only
@refuse_large_bodies
@same_origin_required
def report_create(request, model, pk):
    article = public_content(model, pk)
    if article is None:
        raise Http404
    form = ReportForm(article, request.POST)
    if not form.is_valid():
        return render_with_form(request, article, form, status=400)
    client = client_hash(request)
    wait = hit(client, report_limits(article))
    if wait:
        response = render_with_form(
            request,
            article,
            form,
            status=429,
            template="corrections/rate_limited.html",
            wait_minutes=max(1, round(wait / 60)),
        )
        response["Retry-After"] = str(wait)
        return response
    try:
        report = report_submit(
            content=article,
            language=request.LANGUAGE_CODE,
            client_hash=client,
            **form.report_fields(),
        )
    except ValidationError as error:
        # The form checks what the model does; this is a last line, never a 500.
        form.add_error(None, error.messages)
        return render_with_form(request, article, form, status=400)
    # The reader's own page, not the article's address: a reader who shares the
    # article's link must not share their private status link with it.
    return redirect(f"{status_url(report)}?{SENT_PARAMETER}=1")


class PolicyView(TemplateView):
    template_name = "corrections/policy.html"

    def get_context_data(self, **kwargs):
        pages = {page.language: page for page in PolicyPage.objects.all()}
        page = pages.get(get_language()) or pages.get(settings.LANGUAGE_CODE)
        if page is None:
            raise Http404
        surrogate.tag(self.request, "policy")
        return super().get_context_data(page=page, **kwargs)


class PrivacyView(TemplateView):
    template_name = "corrections/privacy.html"
    extra_context = {"reporter_data_days": settings.NEWSROOM_REPORTER_DATA_DAYS}


class LogParameters(ListParameters):
    """The log's filters: a section and a type of note; empty for all."""

    section = forms.SlugField(required=False)
    type = forms.ChoiceField(
        required=False, choices=[("", ""), *CorrectionNote.Kind.choices]
    )


class CorrectionLogView(ListView):
    """Every published correction note, newest first."""

    template_name = "corrections/log.html"
    context_object_name = "notes"
    paginate_by = 20

    def get_queryset(self):
        notes = log_notes(get_language())
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
        surrogate.tag(
            self.request,
            "corrections-log",
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
    """The log for machines: its notes and filters as JSON (corrections/record.py)."""

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
            ),
            encoder=json_text.TextEncoder,
            json_dumps_params={"ensure_ascii": False},
        )

    def page_url(self, number: int) -> str:
        parameters = {**self.request.page_parameters, "page": number}
        query = urlencode(sorted((k, v) for k, v in parameters.items() if v))
        return self.request.build_absolute_uri(f"{self.request.path}?{query}")


def log_notes(language: str):
    """The published notes on public content in one language, newest first:
    the log's, the feeds' and the record's."""
    return (
        CorrectionNote.objects.published()
        .on_public_content()
        .filter(language=language)
        .order_by("-published_at", "-pk")
    )


def content_corrections_record(request, model, pk):
    """One piece of content's published notes, as JSON."""
    content = public_content(model, pk)
    if content is None:
        raise Http404
    return corrections_record(request, content)


def corrections_record(request, content):
    """The JSON record of one piece of content's published notes."""
    adapter = adapter_for(content)
    surrogate.tag(request, *adapter.surrogate_keys(content))
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
