"""The site's outbound: the corrections desk's
(correction_desk/support/outbound.py), one
implementation for every app of the project."""

from correction_desk.support.outbound import *  # noqa: F403
