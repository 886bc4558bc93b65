"""Embedding sites in the desk's admin, each with the snippet its pages carry."""

from django.contrib import admin
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from correction_desk.conf import setting
from correction_desk.embed.models import EmbedSite, ExternalPage


def snippet(site: EmbedSite) -> str:
    """What the site pastes into its article template."""
    with override(site.language):
        return render_to_string(
            "correction_desk/embed/snippet.txt",
            {"site": site, "base": setting("BASE_URL").rstrip("/")},
        ).strip()


@admin.register(EmbedSite)
class EmbedSiteAdmin(admin.ModelAdmin):
    list_display = ["name", "origins", "language", "desk", "active"]
    list_filter = ["active"]
    search_fields = ["name"]
    fields = [
        "name", "origins", "language", "desk", "text_selector", "ignore_query",
        "same_www", "same_scheme", "active", "the_snippet",
    ]  # fmt: skip
    readonly_fields = ["the_snippet"]

    @admin.display(description=_("snippet for the site's article template"))
    def the_snippet(self, site):
        if not site.pk:
            return _("Save the site to get its snippet.")
        from django.utils.html import format_html

        return format_html('<pre class="embed-snippet">{}</pre>', snippet(site))


@admin.register(ExternalPage)
class ExternalPageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "site", "url", "fetched_at", "fetch_error"]
    list_filter = ["site"]
    search_fields = ["title", "url"]
    readonly_fields = ["site", "url", "title", "text", "fetched_at", "fetch_error"]
    view_on_site = True

    def has_add_permission(self, request):
        return False  # made when a reader first opens the form on a page
