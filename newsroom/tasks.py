"""The site's tasks: the corrections desk's (corrections/support/queue.py), one
implementation for every app of the project."""

from corrections.support.queue import *  # noqa: F403
