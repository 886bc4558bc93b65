"""What result pages show: any public article or note.

No purge of their own: every article service purges `keys.front()`, every note
change the log's key, every section change `keys.sections()` (on every page), so
result pages carry those keys and go stale with them, at no extra purge request.
"""

from correction_desk.pages import log_key
from pagecache import keys


def result_keys() -> tuple[str, ...]:
    return (keys.front(), log_key())
