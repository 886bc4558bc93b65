"""The log's signing key: outside the database, named by the project's settings.

`CORRECTION_DESK_LOG_KEY` holds the signer key itself (an environment variable
the project reads), or `CORRECTION_DESK_LOG_KEY_FILE` names a file holding it;
`manage.py transparency_log keygen` writes one. Without a key nothing stops:
records are appended, and the next signature, once the key is back, covers
them (the desk's admin says how many wait).
"""

import logging
import urllib.parse
from pathlib import Path

from correction_desk.conf import setting
from correction_desk.transparency.signed_note import BadKey, Signer

logger = logging.getLogger(__name__)


def signer() -> Signer | None:
    text = setting("LOG_KEY")
    if not text and setting("LOG_KEY_FILE"):
        try:
            text = Path(setting("LOG_KEY_FILE")).read_text()
        except OSError:
            return None
    if not text:
        return None
    try:
        return Signer.parse(text)
    except BadKey as error:
        logger.error("the transparency log's key is unusable: %s", error)
        return None


def origin() -> str:
    """The log's name in its checkpoints (C2SP tlog-checkpoint): the site's
    host and the log's path, unless the project names it."""
    named = setting("LOG_ORIGIN")
    if named:
        return named
    base = urllib.parse.urlsplit(setting("BASE_URL"))
    return f"{base.netloc}{base.path.rstrip('/')}/transparency"
