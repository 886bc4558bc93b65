"""The site's json_text: the corrections desk's (corrections/support/json_text.py), one
implementation for every app of the project."""

from corrections.support.json_text import *  # noqa: F403
