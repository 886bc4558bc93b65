"""Who is asking: the corrections desk's answer (corrections/support/clients.py),
one implementation for every app of the project (django-axes reads it too)."""

from corrections.support.clients import *  # noqa: F403
