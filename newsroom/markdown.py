"""The site's Markdown: the corrections desk's (corrections/support/markdown.py),
one implementation for every app of the project."""

from corrections.support.markdown import *  # noqa: F403
