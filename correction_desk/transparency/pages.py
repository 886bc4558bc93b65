"""The log for readers: one record explained with its proof, and "Prüfen",
which tells whether a text matches a logged one."""

from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from correction_desk import pages as page_cache
from correction_desk.support.parsing import WholeNumberField
from correction_desk.transparency import leaves, log, merkle
from correction_desk.transparency.models import LogRecord

# A long article (10,000 words) is some 70,000 characters. The limit keeps the
# widest body a browser sends for it (each character four bytes of UTF-8, each
# byte percent-encoded: 12 bytes) under nginx's default 1 MB and Django's
# DATA_UPLOAD_MAX_MEMORY_SIZE, so that the form, not a server, answers.
TEXT_MAX_LENGTH = 80_000


_INDEX = WholeNumberField(min_value=0)


def log_key() -> str:
    """The pages showing the log's records: a new checkpoint changes them."""
    return "transparency-log"


def record_page(request, index):
    """One record, what it says, and the proof that the signed log holds it."""
    try:
        number = _INDEX.clean(index)
    except ValidationError:
        raise Http404 from None
    record = LogRecord.objects.filter(index=number).first()
    if record is None:
        raise Http404
    page_cache.tag(request, log_key())
    checkpoint = log.latest_checkpoint()
    covered = checkpoint is not None and record.index < checkpoint.size
    path = (
        merkle.prove_record(checkpoint.size, record.index, log.read_hashes)
        if covered
        else []
    )
    return render(
        request,
        "correction_desk/log_record.html",
        {
            "record": record,
            "checkpoint": checkpoint if covered else None,
            "audit_path": [h.hex() for h in path],
            "proof_url": reverse("correction_desk_log:inclusion-proof")
            + f"?leaf_index={record.index}"
            + (f"&tree_size={checkpoint.size}" if covered else ""),
            "text_url": reverse("correction_desk_log:text", args=[record.index]),
        },
    )


class CheckForm(forms.Form):
    text = forms.CharField(
        label=_("The text to check"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Paste headline, lead and body as you copied them (or a correction "
            "note's text). Spaces and line breaks do not count."
        ),
    )


@csrf_exempt  # it changes nothing and stores nothing: any site may link a check here
@require_http_methods(["GET", "HEAD", "POST"])
def check_text(request):
    """Whether a pasted text is one the log holds, and where."""
    form = CheckForm(request.POST or None)
    matches = None
    if form.is_valid():
        digest = leaves.text_sha256(form.cleaned_data["text"])
        matches = list(LogRecord.objects.filter(text_sha256=digest).order_by("index"))
    response = render(
        request,
        "correction_desk/log_check.html",
        {"form": form, "matches": matches, "checked": form.is_bound},
        status=200 if not form.is_bound or form.is_valid() else 400,
    )
    response["Cache-Control"] = "no-store"
    return response
