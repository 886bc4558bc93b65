"""Error pages: in the admin they look like the admin, elsewhere like the site.

Both in the request's language (German unless the address says otherwise).
"""

from django.contrib import admin
from django.http import HttpResponse
from django.template import loader
from django.urls import reverse
from django.views import defaults
from django.views.decorators.csrf import requires_csrf_token


def _in_admin(request) -> bool:
    return request.path.startswith(reverse("admin:index"))


def _admin_page(request, template: str, status: int, with_site: bool = True):
    # The 500 page asks nothing of the database: it may be what failed.
    context = admin.site.each_context(request) if with_site else {}
    body = loader.render_to_string(template, context, request if with_site else None)
    return HttpResponse(body, status=status)


@requires_csrf_token
def permission_denied(request, exception):
    if _in_admin(request):
        return _admin_page(request, "admin/403.html", 403)
    return defaults.permission_denied(request, exception)


@requires_csrf_token
def page_not_found(request, exception):
    if _in_admin(request):
        return _admin_page(request, "admin/404.html", 404)
    return defaults.page_not_found(request, exception)


@requires_csrf_token
def server_error(request):
    if _in_admin(request):
        return _admin_page(request, "admin/500.html", 500, with_site=False)
    return defaults.server_error(request)
