"""The site's parsing: the corrections desk's (correction_desk/support/parsing.py), one
implementation for every app of the project."""

from correction_desk.support.parsing import *  # noqa: F403
