"""Pictures from the file system storage, for a site without a web server or
bucket in front that serves MEDIA_ROOT itself.

Every stored name is made from the picture's content (articles/pictures.py), so
a name never comes to mean other bytes: caches may keep them for a year.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.views.static import serve

YEAR = 365 * 24 * 60 * 60


def media(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=YEAR, immutable=True)
    response["X-Content-Type-Options"] = "nosniff"
    return response
