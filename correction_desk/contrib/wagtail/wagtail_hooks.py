"""The desk in Wagtail's admin menu, for editors who may work at it.

The queue, the fix desk and the notes are the desk's own admin pages (Django's
admin, which a Wagtail project keeps): the menu item leads there, and the fix
desk leads back to the page in Wagtail's editor.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class DeskMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm("correction_desk.view_report")


@hooks.register("register_admin_menu_item")
def desk_menu_item():
    return DeskMenuItem(
        _("Corrections"),
        reverse("admin:correction_desk_report_changelist"),
        name="corrections",
        icon_name="warning",
        order=250,
    )
