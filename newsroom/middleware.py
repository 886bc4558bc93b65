"""Requests refused before anything reads them."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpResponse
from django.template import loader
from django.utils import translation
from django.views.defaults import bad_request


class RefuseNullCharactersMiddleware:
    """Answer 400 for an address whose parameters hold a NUL character.

    No link of ours carries one, and PostgreSQL refuses NUL in any text it is
    asked to compare: a list filter handed one (the admin's are) fails with a 500.
    Form fields refuse NUL in posted text on their own; this covers the address,
    which every view and filter reads in its own way. It stands before the page
    cache, so that no cached answer skips it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:
            language = translation.get_language_from_path(request.path_info)
            with translation.override(language or settings.LANGUAGE_CODE):
                return bad_request(request, BadRequest("NUL in the query string"))
        return self.get_response(request)


class RefuseOverlongAddressesMiddleware:
    """Answer an address longer than NEWSROOM_MAX_ADDRESS_BYTES with our own 414.

    The limit lies below what the app server (MAX_HEADER_BYTES in
    newsroom/server.py) and nginx (large_client_header_buffers in
    deploy/nginx/proxy.conf) take, so that an overlong address reaches us and
    gets a page in the reader's language with the site's headers, not a
    server's own English one; and above the longest address our forms make
    (tests/test_address_limits.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        length = len(request.path.encode()) + len(query.encode()) + 1
        if length > settings.NEWSROOM_MAX_ADDRESS_BYTES:
            language = translation.get_language_from_path(request.path_info)
            with translation.override(language or settings.LANGUAGE_CODE):
                page = loader.render_to_string("414.html", request=request)
            return HttpResponse(page, status=414)
        return self.get_response(request)
