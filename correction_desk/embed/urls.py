"""The embed, at addresses in no language (the site's language is the site's):

path("embed/", include("correction_desk.embed.urls")),
"""

from django.urls import path

from correction_desk.embed import views

app_name = "correction_desk_embed"

urlpatterns = [
    path("v1.js", views.script, name="script"),
    path("<str:key>/", views.frame, name="frame"),
    path("<str:key>/report/<int:pk>/", views.report, name="report"),
    path("<str:key>/sent/<str:token>/", views.sent, name="sent"),
]
