from django.urls import path
from django.utils.translation import pgettext_lazy

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.ArticleListView.as_view(), name="front"),
    path("feed/", feeds.ArticleFeed(), name="feed"),
    path("feed/atom/", feeds.ArticleAtomFeed(), name="feed-atom"),
    path(
        pgettext_lazy("URL", "section/<slug:slug>/feed/"),
        feeds.SectionFeed(),
        name="section-feed",
    ),
    path(
        pgettext_lazy("URL", "section/<slug:slug>/feed/atom/"),
        feeds.SectionAtomFeed(),
        name="section-feed-atom",
    ),
    path(
        pgettext_lazy("URL", "section/<slug:slug>/"),
        views.SectionView.as_view(),
        name="section",
    ),
    path(
        pgettext_lazy("URL", "article/<slug:slug>/versions/"),
        views.ArticleVersionsView.as_view(),
        name="versions",
    ),
    path(
        pgettext_lazy("URL", "article/<slug:slug>/"),
        views.ArticleDetailView.as_view(),
        name="detail",
    ),
]
