"""Page caching: public pages kept whole, and purged by what they show.

The whole API (README, "How a page is cached"):

- `public_page(view, parameters)` wraps a public view. Anonymous readers get a
  page that this site keeps and that shared caches in front (Varnish, a CDN)
  may keep; anyone signed in gets a fresh one. `parameters` is a form that
  parses the query string (`request.page_parameters`); a value it refuses is
  a 404, never cached.
- `tag(request, *keys)`: in the view, say what the page shows, with the key
  functions of `pagecache.keys`. A public page that says nothing is refused
  (ImproperlyConfigured): a page nobody can purge would stay stale.
- `until(request, moment)`: the page changes by itself then (a scheduled article).
- `purge(*keys)`: in the service that changes something, say what changed.
  Every page showing it is dropped here, and at the HTTP caches in front
  through the task queue (pagecache/http_caches.py), after the commit.

Behind it: pages.py (the decorator, the server-side copy, the early answer),
purging.py (when each key was last purged) and http_caches.py (Varnish).
"""

from . import keys
from .pages import ListParameters, NoParameters, public_page
from .purging import purge, tag, until

__all__ = [
    "ListParameters",
    "NoParameters",
    "keys",
    "public_page",
    "purge",
    "tag",
    "until",
]
