"""Word diffs: the corrections desk's (correction_desk/support/diff.py), one
implementation for every app of the project."""

from correction_desk.support.diff import *  # noqa: F403
