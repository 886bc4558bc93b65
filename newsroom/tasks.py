"""The site's tasks: the corrections desk's (correction_desk/support/queue.py), one
implementation for every app of the project."""

from correction_desk.support.queue import *  # noqa: F403
