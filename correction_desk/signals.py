"""What the desk announces, for the desk's own parts and for a project.

`new_public_version`: a content's text the public reads was replaced by a new
version (sender: the content's model; content=, revision=). Sent by
`services.version_published`, which a host calls.
"""

from django.dispatch import Signal

new_public_version = Signal()
