"""The private page of the person who demanded a counter-statement: what
became of the demand. Its address is a signed token, like a reader's
status link (intake/status.py); it is never cached."""

from django.core import signing
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from correction_desk.press_law.models import CounterStatementDemand

SALT = "correction_desk.counter-statement-status"


def claimant_status_url(demand) -> str:
    token = signing.dumps(demand.pk, salt=SALT)
    return reverse("correction_desk:counter-statement", kwargs={"token": token})


def _demand_id(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


@never_cache
def demand_status(request, token):
    demand = get_object_or_404(
        CounterStatementDemand.objects.select_related("note"), pk=_demand_id(token)
    )
    note = demand.note
    return render(
        request,
        "correction_desk/counter_statement_status.html",
        {
            "demand": demand,
            "published": note if note and note.published_at else None,
        },
    )
