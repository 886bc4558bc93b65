"""The site's json_text: the corrections desk's
(correction_desk/support/json_text.py), one
implementation for every app of the project."""

from correction_desk.support.json_text import *  # noqa: F403
