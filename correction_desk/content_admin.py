"""The desk's admin lists of reports and notes: their content read in a query
per kind of content (not a join: the desk reaches content only through its
adapter), and found by the content's words too (the adapter's `matching`)."""

from correction_desk.registry import adapters, with_content

# How many pieces of content an editor's search term reaches, per model.
SEARCH_CONTENT = 200


class ListsContent:
    # Whether each row shows its desk's name too.
    list_desk_names = False

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        changelist.result_list = with_content(
            changelist.result_list, desk_names=self.list_desk_names
        )
        return changelist

    def get_search_results(self, request, queryset, search_term):
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            # From the list as filtered, not from every row of the table.
            found |= queryset.about_any(
                content
                for adapter in adapters()
                for content in adapter.matching(search_term)[:SEARCH_CONTENT]
            )
        return found, duplicates
