"""The site's WebSub: the corrections desk's (corrections/support/websub.py), one
implementation for every app of the project."""

from corrections.support.websub import *  # noqa: F403
