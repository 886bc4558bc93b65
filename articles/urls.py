from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="front"),
    path(
        pgettext_lazy("URL", "section/<slug:slug>/"),
        views.SectionView.as_view(),
        name="section",
    ),
    path(
        pgettext_lazy("URL", "article/<slug:slug>/"),
        views.ArticleDetailView.as_view(),
        name="detail",
    ),
]
