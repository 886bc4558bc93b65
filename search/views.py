from urllib.parse import urlencode

from django.http import Http404
from django.views.generic import TemplateView

import pagecache
from articles.context_processors import menu_rows
from articles.models import Section

from . import service
from .forms import SearchForm
from .purges import result_keys


class SearchView(TemplateView):
    """Results for what a reader typed, in the edition's language.

    Reads only the parsed parameters (`request.page_parameters`), which key the
    page cache: two requests with the same parameters get the same page.
    """

    template_name = "search/results.html"

    def get_context_data(self, **kwargs):
        parameters = self.request.page_parameters
        pagecache.tag(self.request, *result_keys())
        pagecache.until(self.request, service.next_change())
        sections = list(Section.objects.all())
        form = SearchForm(
            data={name: parameters[name] for name in ("q", "section", "from", "to")},
            sections=sections,
        )
        results = None
        if form.is_valid() and form.cleaned_data["q"]:
            chosen = form.sections.get(form.cleaned_data["section"])
            results = service.search(
                form.cleaned_data["q"],
                self.request.LANGUAGE_CODE,
                section_id=chosen.pk if chosen else None,
                since=form.cleaned_data["from"],
                until=form.cleaned_data["to"],
                page=parameters["page"] or 1,
            )
            if results.page > max(results.pages, 1):
                raise Http404
        kept = {
            name: parameters[name]
            for name in ("q", "section", "from", "to")
            if parameters[name]
        }
        page = results.page if results else 1
        return super().get_context_data(
            form=form,
            results=results,
            nav_sections=menu_rows(sections),  # the menu's, read once
            cut=parameters["cut"],
            previous_query=urlencode({**kept, "page": page - 1} if page > 2 else kept),
            next_query=urlencode({**kept, "page": page + 1}),
            **kwargs,
        )
