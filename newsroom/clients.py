"""Who is asking: the corrections desk's answer (correction_desk/support/clients.py),
one implementation for every app of the project (django-axes reads it too)."""

from correction_desk.support.clients import *  # noqa: F403
