from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

# German pages live at the root, English ones under /en/.
urlpatterns = [
    path("admin/", admin.site.urls),
    *i18n_patterns(
        path("", include("articles.urls")),
        path("", include("corrections.urls")),
        prefix_default_language=False,
    ),
]
