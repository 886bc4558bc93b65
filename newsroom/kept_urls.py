"""The site's kept addresses: the corrections desk's
(correction_desk/support/kept_urls.py), one implementation for every app of the
project."""

from correction_desk.support.kept_urls import absolute, reverse, static  # noqa: F401
