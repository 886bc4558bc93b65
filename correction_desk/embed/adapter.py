"""The desk's view of a page on an embedding site: its text is what the desk
fetched from the site; the fix is made in the site's own CMS and confirmed at
the fix desk (no `apply_fix`)."""

from correction_desk.adapters import ContentAdapter


class ExternalPageAdapter(ContentAdapter):
    text_fields = {"title": "title", "body": "text"}
    block_parts = ()
    # Another site's pages: the newsroom logs its notes on them, not their texts.
    logs_versions = False

    def queryset(self):
        return self.model._default_manager.select_related("site")

    def title(self, page) -> str:
        return page.title or page.url

    def url(self, page) -> str:
        return page.url

    def edit_url(self, page) -> str | None:
        return None  # in the site's own CMS, which the desk does not know

    def is_public(self, page) -> bool:
        return page.site.active

    def public(self, queryset):
        return queryset.filter(site__active=True)

    def language(self, page) -> str:
        return page.site.language

    def desk(self, page) -> str:
        return page.site.desk

    def desks(self) -> list[tuple[str, str]]:
        from correction_desk.embed.models import EmbedSite

        names = EmbedSite.objects.exclude(desk="").values_list("desk", flat=True)
        return [(name, name) for name in sorted(set(names))]

    def matching(self, term: str):
        return self.model._default_manager.filter(title__icontains=term)

    def purge(self, page) -> None:
        """A note on the page changed: the site has made (or undone) the fix in
        its own CMS, so the desk reads the page again."""
        from correction_desk.embed.fetch import fetch_page
        from correction_desk.support.queue import enqueue_on_commit

        enqueue_on_commit(fetch_page, page.pk)

    def tag_name(self) -> str:
        return "page"

    def record(self, page) -> dict:
        return {"section": page.site.name, "revision": 1}

    def render_with_form(self, request, page, form, status, context):
        """The frame again, with what the reader typed and what to fix."""
        from django.shortcuts import render

        from correction_desk.embed.views import _framed_by, render_frame

        if "template" in context:  # too many reports: say so, in the frame
            response = render(request, context["template"], context, status=status)
            return _framed_by(response, page.site)
        return render_frame(request, page, form, status=status)
