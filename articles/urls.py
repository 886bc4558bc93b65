from django.urls import path
from django.utils.translation import pgettext_lazy

from pagecache import NoParameters, public_page

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", public_page(views.ArticleListView.as_view()), name="front"),
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
        public_page(views.SectionView.as_view()),
        name="section",
    ),
    path(
        pgettext_lazy("URL", "author/<slug:slug>/"),
        public_page(views.AuthorView.as_view()),
        name="author",
    ),
    path(
        pgettext_lazy("URL", "article/<slug:slug>/versions/"),
        public_page(views.ArticleVersionsView.as_view(), views.VersionParameters),
        name="versions",
    ),
    path(
        pgettext_lazy("URL", "article/<slug:slug>/"),
        public_page(views.ArticleDetailView.as_view(), NoParameters),
        name="detail",
    ),
]
