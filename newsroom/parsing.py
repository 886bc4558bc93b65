"""The site's parsing: the corrections desk's (corrections/support/parsing.py), one
implementation for every app of the project."""

from corrections.support.parsing import *  # noqa: F403
