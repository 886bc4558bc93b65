from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from corrections.clients import client_hash
from corrections.ratelimit import Limit, hit


class NewsroomAdminSite(admin.AdminSite):
    site_header = _("Newsroom – editors")
    site_title = _("Newsroom editors")
    index_title = _("Editorial desk")

    def login(self, request, extra_context=None):
        """Refuse password guessing: few attempts per account and per client."""
        if request.method == "POST":
            client = client_hash(request)
            username = request.POST.get("username", "")[:150].strip().lower()
            wait = hit(
                f"{client}:{username}",
                [Limit("login-account", settings.NEWSROOM_LOGIN_ATTEMPTS, 15 * 60)],
            ) or hit(
                client,
                [Limit("login-client", settings.NEWSROOM_LOGIN_ATTEMPTS * 4, 60 * 60)],
            )
            if wait:
                response = render(
                    request,
                    "admin/login_throttled.html",
                    {**self.each_context(request), "wait_minutes": max(1, wait // 60)},
                    status=429,
                )
                response["Retry-After"] = str(wait)
                return response
        return super().login(request, extra_context)
