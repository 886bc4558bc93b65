"""Admin logins: django-axes counts failed attempts; this module adapts it.

Three limits hold at once, each counting failures only (a successful login
clears the slate): NEWSROOM_LOGIN_ATTEMPTS per account from one client, and four
times that per account from all clients together and per client over all
accounts, within AXES_COOLOFF_TIME. Axes compares every combination with one
limit; the handler below scales the wider two.
"""

import math
import unicodedata

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_lockout_parameters
from django.contrib.admin import site
from django.db.models import Sum
from django.shortcuts import render

# How many times the account-and-client limit each combination allows.
WIDER_LIMITS = {("username",): 4, ("ip_address",): 4}


def username(request, credentials=None) -> str:
    """The account a login names, as Django reads it (NFKC), whatever the case.

    Django's login form folds "ｒｅｄａｋｔｉｏｎ" into "redaktion" before it looks
    the user up, so both must count against the same account.
    """
    if credentials is not None and "username" in credentials:
        value = credentials["username"]
    else:
        value = request.POST.get("username", "")
    return unicodedata.normalize("NFKC", str(value or "")).strip().casefold()[:150]


class LoginAttemptHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        combinations = get_lockout_parameters(request, credentials)
        attempts = self.get_user_attempts(request, credentials)
        worst = 0
        for parameters, matching in zip(combinations, attempts, strict=True):
            key = (parameters,) if isinstance(parameters, str) else tuple(parameters)
            failures = (
                matching.aggregate(total=Sum("failures_since_start"))["total"] or 0
            )
            worst = max(worst, failures // WIDER_LIMITS.get(key, 1))
        return worst


def lockout_response(request, original_response=None, credentials=None):
    """The German 429 page, with the time until logging in is possible again."""
    seconds = int(get_cool_off(request).total_seconds())
    response = render(
        request,
        "admin/login_throttled.html",
        {**site.each_context(request), "wait_minutes": math.ceil(seconds / 60)},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
