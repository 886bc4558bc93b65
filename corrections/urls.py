from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "corrections"

urlpatterns = [
    path(
        pgettext_lazy("URL", "article/<slug:slug>/report/"),
        views.report_create,
        name="report",
    ),
    path(
        pgettext_lazy("URL", "report/<str:token>/"),
        views.report_status,
        name="status",
    ),
    path(
        pgettext_lazy("URL", "corrections/policy/"),
        views.PolicyView.as_view(),
        name="policy",
    ),
]
