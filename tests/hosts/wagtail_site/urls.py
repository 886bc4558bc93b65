from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    # Uploaded pictures; a real site has its web server serve them.
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
]

# The desk, as the README says; before Wagtail's pages, which take every path.
urlpatterns += [
    path("", include("correction_desk.urls")),
    path("transparency/", include("correction_desk.transparency.urls")),
]
urlpatterns += [path("", include(wagtail_urls))]
