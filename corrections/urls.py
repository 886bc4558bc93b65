from django.urls import path
from django.utils.translation import pgettext_lazy

from articles.caching import NoParameters, public_page

from . import feeds, status_page, views

app_name = "corrections"

urlpatterns = [
    path(
        pgettext_lazy("URL", "report/<str:model>/<str:pk>/"),
        views.report_create,
        name="report",
    ),
    path(
        pgettext_lazy("URL", "report/<str:token>/"),
        status_page.report_status,
        name="status",
    ),
    path(
        pgettext_lazy("URL", "corrections/feed/"),
        feeds.CorrectionFeed(),
        name="feed",
    ),
    path(
        pgettext_lazy("URL", "corrections/feed/atom/"),
        feeds.CorrectionAtomFeed(),
        name="feed-atom",
    ),
    path(
        pgettext_lazy("URL", "corrections/"),
        public_page(views.CorrectionLogView.as_view(), views.LogParameters),
        name="log",
    ),
    path(
        pgettext_lazy("URL", "corrections.json"),
        public_page(views.CorrectionRecordView.as_view(), views.LogParameters),
        name="record",
    ),
    path(
        pgettext_lazy("URL", "corrections/<str:model>/<str:pk>.json"),
        public_page(views.content_corrections_record, NoParameters),
        name="content-record",
    ),
    path(
        pgettext_lazy("URL", "privacy/"),
        public_page(views.PrivacyView.as_view(), NoParameters),
        name="privacy",
    ),
    path(
        pgettext_lazy("URL", "corrections/policy/"),
        public_page(views.PolicyView.as_view(), NoParameters),
        name="policy",
    ),
]
