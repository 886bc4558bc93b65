"""Where documents of press-law cases are kept: a folder no web server serves.

`CORRECTION_DESK_PRIVATE_ROOT` names it (default: `var/private` beside the
project's BASE_DIR). The storage has no public address: editors get a file
through the admin, which checks their permission (press_law/admin.py).
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage

from correction_desk.conf import setting


class PrivateStorage(FileSystemStorage):
    """Read where it is each time: a project (or a test) may move it, and a
    project without the setting fails when a document is stored, not when
    the desk's models load."""

    @property
    def base_location(self):
        return str(private_root())

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("private files have no public address")


def private_root() -> Path:
    root = setting("PRIVATE_ROOT")
    if not root:
        base = getattr(settings, "BASE_DIR", None)
        if base is None:
            raise ImproperlyConfigured("Set CORRECTION_DESK_PRIVATE_ROOT.")
        root = Path(base) / "var" / "private"
    root = Path(root).resolve()
    media = Path(settings.MEDIA_ROOT).resolve() if settings.MEDIA_ROOT else None
    if media and (root == media or media in root.parents):
        raise ImproperlyConfigured(
            "CORRECTION_DESK_PRIVATE_ROOT must not lie under MEDIA_ROOT."
        )
    return root


def private_files() -> PrivateStorage:
    return PrivateStorage()
