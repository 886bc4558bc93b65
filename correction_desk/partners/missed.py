"""A partner that missed deliveries catches up: every event for its endpoint
after a given event id, oldest first, 100 a page, in the endpoint's format,
signed as its deliveries are (Standard Webhooks' headers over the answer's
body), so the partner knows the list comes from us and is whole."""

import re

from django import forms
from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from correction_desk.models import PartnerEndpoint, WebhookDelivery
from correction_desk.partners.webhooks import message_id, standard_headers
from correction_desk.support import json_text

PAGE = 100
MESSAGE_ID = re.compile(r"msg_([0-9]{1,10})")


class MissedParameters(forms.Form):
    after = forms.RegexField(regex=MESSAGE_ID, required=False, max_length=14)

    def clean_after(self):
        value = self.cleaned_data["after"]
        return int(MESSAGE_ID.fullmatch(value)[1]) if value else 0


def missed_events(request, key):
    endpoint = PartnerEndpoint.objects.filter(key=key, active=True).first()
    if endpoint is None:
        raise Http404
    form = MissedParameters(request.GET)
    if not form.is_valid():
        response = JsonResponse(
            {
                "error": _("“after” is an event id such as msg_12."),
                "fields": form.errors,
            },
            status=400,
        )
        response["Cache-Control"] = "no-store"
        return response
    deliveries = list(
        WebhookDelivery.objects.filter(
            endpoint=endpoint, pk__gt=form.cleaned_data["after"]
        ).order_by("pk")[: PAGE + 1]
    )
    more = len(deliveries) > PAGE
    deliveries = deliveries[:PAGE]
    following = None
    if more:
        path = reverse("correction_desk:missed-events", args=[endpoint.key])
        following = request.build_absolute_uri(
            f"{path}?after={message_id(deliveries[-1])}"
        )
    data = {
        "events": [
            {
                "id": message_id(delivery),
                "type": delivery.event,
                "created_at": delivery.created_at.isoformat(),
                "content_type": delivery.content_type or "application/json",
                "body": delivery.body or json_text.dumps(delivery.payload),
            }
            for delivery in deliveries
        ],
        "next": following,
    }
    body = json_text.dumps(data).encode()
    last = (
        message_id(deliveries[-1])
        if deliveries
        else f"msg_{form.cleaned_data['after']}"
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    for name, value in standard_headers(endpoint, f"list_{last}", body).items():
        response[name] = value
    response["Cache-Control"] = "no-store"  # the signature's time must be now
    return response
