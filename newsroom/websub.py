"""The site's WebSub: the corrections desk's (correction_desk/support/websub.py), one
implementation for every app of the project."""

from correction_desk.support.websub import *  # noqa: F403
