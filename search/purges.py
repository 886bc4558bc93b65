"""Which purges make result pages stale: they show any article or note.

No purge of their own: every article save purges "front", every note change
"corrections-log", every section change "sections" (on every page), so result
pages carry those keys and go stale with them, at no extra purge request.
"""

KEYS = ("front", "corrections-log")
