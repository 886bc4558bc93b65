"""How the desk's public pages meet the project's page cache.

A public page says what it shows (`tag`), a change says what went stale
(`purge`), and each public view is wrapped by `public_page`, which parses its
query parameters with a form (`request.page_parameters`; any other value is a
404, never a 500) and may cache the page. `CORRECTION_DESK_PAGE_CACHE` names the
class that does this; the default, `Pages`, caches nothing.
"""

from functools import wraps

from django import forms
from django.http import Http404
from django.utils.module_loading import import_string

from correction_desk.conf import setting
from correction_desk.support.parsing import WholeNumberField


class NoParameters(forms.Form):
    """A page that no query parameter changes."""


class ListParameters(forms.Form):
    page = WholeNumberField(required=False)


class Pages:
    """No page cache of its own: every page is rendered for its request."""

    @staticmethod
    def tag(request, *keys: str) -> None:
        """The page being rendered for `request` shows these things."""

    @staticmethod
    def purge(keys: list[str]) -> None:
        """Pages showing these things are stale."""

    @staticmethod
    def public_page(view, parameters: type[forms.Form]):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            form = parameters(request.GET)
            if not form.is_valid():
                raise Http404
            request.page_parameters = form.cleaned_data
            return view(request, *args, **kwargs)

        return wrapper


def log_key() -> str:
    """The corrections log and the JSON record: every public note."""
    return "corrections-log"


def policy_key() -> str:
    """The corrections policy page."""
    return "policy"


def _pages() -> type[Pages]:
    return import_string(setting("PAGE_CACHE"))


def tag(request, *keys: str) -> None:
    _pages().tag(request, *keys)


def purge(keys: list[str]) -> None:
    _pages().purge(keys)


def public_page(view, parameters: type[forms.Form] = ListParameters):
    return _pages().public_page(view, parameters)
