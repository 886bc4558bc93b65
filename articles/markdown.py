"""Markdown into safe HTML: the site's (newsroom/markdown.py), the corrections
desk's own, for article bodies as for the corrections policy."""

from newsroom.markdown import *  # noqa: F403
