"""Strings Django 6.1 shows that its own German catalogue does not translate yet.

Naming them here lets `makemessages` put them into our catalogue, which Django
consults before its own (LOCALE_PATHS).
"""

from django.utils.translation import gettext_noop

UPSTREAM_STRINGS = [
    gettext_noop("- Select an option -"),  # BLANK_CHOICE_LABEL on select boxes
    gettext_noop("Run"),  # the admin's button for actions on selected rows
    # Headings only screen readers announce, and the logged-out breadcrumb.
    gettext_noop("Search %(name)s"),
    gettext_noop("Pagination %(name)s"),
    gettext_noop("Pagination %(name)s entries"),
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Logout"),
    gettext_noop("Enable password-based authentication"),
    gettext_noop("Disable password-based authentication"),
]
