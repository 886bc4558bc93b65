"""Word diffs: the corrections desk's (corrections/support/diff.py), one
implementation for every app of the project."""

from corrections.support.diff import *  # noqa: F403
