from django.urls import path
from django.utils.translation import pgettext_lazy

from correction_desk.formats import views as formats
from correction_desk.intake import status_page
from correction_desk.intake import views as intake
from correction_desk.pages import NoParameters, public_page
from correction_desk.partners import missed
from correction_desk.press_law import status as counter_statement
from correction_desk.record import feeds
from correction_desk.record import views as record
from correction_desk.transparency import pages as transparency

app_name = "correction_desk"

urlpatterns = [
    path(
        pgettext_lazy("URL", "report/<str:model>/<str:pk>/"),
        intake.report_create,
        name="report",
    ),
    path(
        pgettext_lazy("URL", "report/<str:token>/"),
        status_page.report_status,
        name="status",
    ),
    path(
        pgettext_lazy("URL", "counter-statement/<str:token>/"),
        counter_statement.demand_status,
        name="counter-statement",
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
        public_page(record.CorrectionLogView.as_view(), record.LogParameters),
        name="log",
    ),
    path(
        pgettext_lazy("URL", "corrections.json"),
        public_page(record.CorrectionRecordView.as_view(), record.LogParameters),
        name="record",
    ),
    path(
        pgettext_lazy("URL", "corrections/<str:model>/<str:pk>/newsml.xml"),
        public_page(formats.content_newsml, NoParameters),
        name="content-newsml",
    ),
    path(
        pgettext_lazy("URL", "corrections/<str:model>/<str:pk>/ninjs.json"),
        public_page(formats.content_ninjs, NoParameters),
        name="content-ninjs",
    ),
    path(
        pgettext_lazy("URL", "corrections/<str:model>/<str:pk>.json"),
        public_page(record.content_corrections_record, NoParameters),
        name="content-record",
    ),
    path(
        pgettext_lazy("URL", "corrections/log/check/"),
        transparency.check_text,
        name="log-check",
    ),
    path(
        pgettext_lazy("URL", "corrections/log/<str:index>/"),
        public_page(transparency.record_page, NoParameters),
        name="log-record",
    ),
    path(
        pgettext_lazy("URL", "partners/<str:key>/events/"),
        missed.missed_events,
        name="missed-events",
    ),
    path(
        pgettext_lazy("URL", "privacy/"),
        public_page(record.PrivacyView.as_view(), NoParameters),
        name="privacy",
    ),
    path(
        pgettext_lazy("URL", "corrections/policy/"),
        public_page(record.PolicyView.as_view(), NoParameters),
        name="policy",
    ),
]
