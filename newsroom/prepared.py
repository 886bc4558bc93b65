"""The site's prepared querysets: the corrections desk's
(correction_desk/support/prepared.py), one implementation for every app of the
project."""

from correction_desk.support.prepared import Prepared, prefetched  # noqa: F401
