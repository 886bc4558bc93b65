"""Cross-site protection for forms on cacheable, cookie-free pages.

Django's CSRF protection needs a token tied to a cookie. Setting that cookie on
every article page would add `Set-Cookie` and `Vary: Cookie` and stop shared caches
from storing the page. The report form has no session to hijack - it only lets
someone send a report - so what must be kept out is other sites making a reader's
browser post it. Browsers say where a request comes from: `Sec-Fetch-Site`
(all current browsers), else `Origin` (sent with every cross-site POST). We accept
same-origin requests and requests from no browser at all, like the approach in
Go's net/http CrossOriginProtection. Floods by scripts are answered by the signed
form stamp and the rate limit instead.
"""

from functools import wraps

from django.conf import settings
from django.shortcuts import render

ALLOWED_FETCH_SITES = {"same-origin", "none"}


def is_cross_origin(request) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in ALLOWED_FETCH_SITES
    origin = request.headers.get("Origin")
    if origin is None:
        return False
    own = f"{request.scheme}://{request.get_host()}"
    return origin not in {own, *settings.CSRF_TRUSTED_ORIGINS}


def same_origin_required(view):
    """Answer 403 to POSTs that a browser sends on behalf of another site."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if is_cross_origin(request):
            return render(request, "correction_desk/cross_origin.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper
