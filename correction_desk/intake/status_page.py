"""The reader's private page about one report: its state, and the conversation.

Its address is the signed token; it is never cached, so it may use Django's own
CSRF protection for the reader's answer.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from correction_desk.intake.clients import client_hash
from correction_desk.intake.forms import TextField
from correction_desk.intake.ratelimit import Limit, hit
from correction_desk.intake.status import SENT_PARAMETER, report_id_from_token
from correction_desk.models import DESCRIPTION_MAX_LENGTH, Report
from correction_desk.services import report_answer

# Answers one reader may send on one report in a day.
ANSWERS_PER_DAY = 20


class AnswerForm(forms.Form):
    text = TextField(
        label=_("Your answer"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


@never_cache
def report_status(request, token):
    """What became of a report; the place to answer the editors' question."""
    report = get_object_or_404(
        Report.objects.select_related("correction_note"),
        pk=report_id_from_token(token),
    )
    form = AnswerForm(request.POST or None) if report.awaits_answer else None
    status = 200
    if request.method == "POST":
        if form is None:
            return redirect(request.path)
        if form.is_valid():
            key = f"{client_hash(request)}:{report.pk}"
            if hit(key, [Limit("answer", ANSWERS_PER_DAY, 24 * 60 * 60)]):
                form.add_error(None, _("Too many answers today; please try tomorrow."))
            else:
                try:
                    report_answer(report=report, text=form.cleaned_data["text"])
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    return redirect(f"{request.path}?{SENT_PARAMETER}=antwort")
        status = 400
    return render(
        request,
        "correction_desk/status.html",
        {
            "report": report,
            "reason": report.public_reason(),
            "messages_with_editors": report.messages.all(),
            "answer_form": form,
            "sent": request.GET.get(SENT_PARAMETER, ""),
        },
        status=status,
    )
