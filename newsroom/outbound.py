"""The site's outbound: the corrections desk's (corrections/support/outbound.py), one
implementation for every app of the project."""

from corrections.support.outbound import *  # noqa: F403
