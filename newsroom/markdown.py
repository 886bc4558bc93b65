"""The site's Markdown: the corrections desk's (correction_desk/support/markdown.py),
one implementation for every app of the project."""

from correction_desk.support.markdown import *  # noqa: F403
