"""The report form's address: what a reader sends, checked, stored, or shown again."""

from functools import wraps

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt

from correction_desk import conf
from correction_desk.conf import setting
from correction_desk.intake.clients import client_hash
from correction_desk.intake.forms import ReportForm
from correction_desk.intake.origin import same_origin_required
from correction_desk.intake.ratelimit import Limit, hit
from correction_desk.intake.status import SENT_PARAMETER, status_url
from correction_desk.registry import (
    adapter_for,
    content_key,
    model_of,
)
from correction_desk.services import report_submit
from correction_desk.support.parsing import whole_number


def post_only(view):
    """Answer anything but POST with 405 and a page that leads back to the article."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            content = public_content(kwargs["model"], kwargs["pk"])
            response = render(
                request,
                "correction_desk/post_only.html",
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
                "correction_desk/too_large.html",
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
            setting("REPORTS_PER_CONTENT_PER_MINUTE"),
            60,
        ),
        Limit("day", setting("REPORTS_PER_DAY"), 24 * 60 * 60),
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
    template = extra.pop("template", "correction_desk/report_page.html")
    context = {"report_form": form, **extra}
    return render(request, template, context, status=status)


# Exempt from Django's cookie-based CSRF check: see correction_desk/intake/origin.py
# for why, and for the protection that replaces it.
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
            template="correction_desk/rate_limited.html",
            wait_minutes=max(1, round(wait / 60)),
        )
        response["Retry-After"] = str(wait)
        return response
    try:
        report = report_submit(
            content=article,
            language=conf.language(),
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
