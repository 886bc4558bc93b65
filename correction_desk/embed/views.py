"""The embed's pages, served from our origin: the frame with a page's notes and
the report form, the answer after sending, and the host script.

The frame may be shown only inside the registered site's pages
(`frame-ancestors`), and talks to the host page only by postMessage, with
origins checked on both sides: a host script can size it and hand it a
passage, never read it or send in the reader's name.
"""

import json
from functools import cache
from urllib.parse import urlencode, urlsplit

from django.contrib.staticfiles import finders
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from correction_desk.embed.fetch import fetch_page
from correction_desk.embed.models import EmbedSite, ExternalPage, origin_of
from correction_desk.intake.clients import client_hash
from correction_desk.intake.forms import ReportForm
from correction_desk.intake.ratelimit import Limit, hit
from correction_desk.intake.status import SENT_PARAMETER, report_id_from_token
from correction_desk.intake.views import report_create
from correction_desk.models import Report
from correction_desk.support.queue import enqueue_on_commit

MODEL = "correction_desk.externalpage"
NEW_PAGES_PER_DAY = 200
DAY = 24 * 60 * 60


def _framed_by(response, site: EmbedSite):
    """Only the site's own pages may show it, whatever the site's default."""
    ancestors = set()
    for origin in site.origin_list():
        scheme, _, host = origin.partition("://")
        hosts = {host}
        if site.same_www:
            hosts |= {host.removeprefix("www."), f"www.{host.removeprefix('www.')}"}
        schemes = {"http", "https"} if site.same_scheme else {scheme}
        ancestors |= {f"{s}://{h}" for s in schemes for h in hosts}
    response["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; frame-ancestors "
        + " ".join(sorted(ancestors))
    )
    response["Cache-Control"] = "no-store"
    # The host page learns nothing of where the reader goes from the frame.
    response["Referrer-Policy"] = "same-origin"
    return response


def _site(key: str) -> EmbedSite:
    return get_object_or_404(EmbedSite, key=key[:24], active=True)


def frame_context(site: EmbedSite, page: ExternalPage, form) -> dict:
    form.helper.form_action = reverse(
        "correction_desk_embed:report", args=[site.key, page.pk]
    )
    # The frame's links open tabs of their own (<base target>); the form stays.
    form.helper.attrs = {**form.helper.attrs, "target": "_self"}
    return {
        "site": site,
        "page": page,
        "report_form": form,
        "host_origin": origin_of(page.url),
        # The frame takes passages from the page it is shown in, not from others.
        "allowed_origins": json.dumps(
            sorted({origin_of(page.url), *site.origin_list()})
        ),
    }


def render_frame(request, page: ExternalPage, form, status=200):
    with override(page.site.language):
        response = render(
            request,
            "correction_desk/embed/frame.html",
            frame_context(page.site, page, form),
            status=status,
        )
    return _framed_by(response, page.site)


@xframe_options_exempt
@require_safe
def frame(request, key):
    """The notes on a page of a registered site, and the form under them."""
    site = _site(key)
    address = site.page_address(request.GET.get("url", ""))
    if address is None:
        with override(site.language):
            response = render(
                request,
                "correction_desk/embed/refused.html",
                {"site": site},
                status=400,
            )
        return _framed_by(response, site)
    page, created = ExternalPage.objects.filter(site=site, url=address).first(), False
    if page is None:
        # Every address under the site's origin makes a page the desk fetches:
        # one client may make only so many a day.
        wait = hit(client_hash(request), [Limit("embed-pages", NEW_PAGES_PER_DAY, DAY)])
        if wait:
            response = HttpResponse(status=429)
            response["Retry-After"] = str(wait)
            return _framed_by(response, site)
        try:
            with transaction.atomic():
                page, created = ExternalPage.objects.get_or_create(
                    site=site, url=address
                )
        except IntegrityError:  # two readers opened a new page at the same moment
            page = ExternalPage.objects.get(site=site, url=address)
    if created or not page.fetched_at:
        enqueue_on_commit(fetch_page, page.pk)
    return render_frame(request, page, ReportForm(page))


# Exempt from Django's cookie-based CSRF check, as the form on our own pages is:
# report_create checks the request's origin itself (intake/origin.py).
@csrf_exempt
@xframe_options_exempt
def report(request, key, pk):
    """The form sent from the frame: checked and stored as on our own pages."""
    site = _site(key)
    page = get_object_or_404(ExternalPage, pk=pk, site=site)
    with override(site.language):
        response = report_create(request, model=MODEL, pk=str(page.pk))
    if response.status_code == 302:
        token = urlsplit(response["Location"]).path.rstrip("/").rsplit("/", 1)[-1]
        response["Location"] = reverse(
            "correction_desk_embed:sent", args=[site.key, token]
        )
    return _framed_by(response, site)


@xframe_options_exempt
@require_safe
def sent(request, key, token):
    """ "We will consider your comments": the private status link opens in a tab
    of its own, from our origin; the host page cannot read it."""
    site = _site(key)
    report_id = report_id_from_token(token)
    get_object_or_404(Report, pk=report_id or 0, content_type__model="externalpage")
    status = reverse("correction_desk:status", args=[token])
    with override(site.language):
        response = render(
            request,
            "correction_desk/embed/sent.html",
            {"site": site, "status_url": f"{status}?{urlencode({SENT_PARAMETER: 1})}"},
        )
    return _framed_by(response, site)


@cache
def _script() -> bytes:
    path = finders.find("correction_desk/build/embed.js") or finders.find(
        "correction_desk/js/embed.js"
    )
    if path is None:
        raise Http404
    with open(path, "rb") as source:
        return source.read()


@require_safe
def script(request):
    """The host script at an address that stays the same (the snippet's)."""
    response = HttpResponse(_script(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response
