from django.urls import path
from django.utils.translation import pgettext_lazy

from pagecache import public_page

from . import views
from .forms import SearchParameters

app_name = "search"

urlpatterns = [
    path(
        pgettext_lazy("URL", "search/"),
        public_page(views.SearchView.as_view(), SearchParameters),
        name="results",
    ),
]
