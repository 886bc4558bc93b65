"""The log for machines, at stable addresses outside the language prefixes
(`correction_desk.transparency.urls`, README "A history anyone can verify").

Names follow RFC 6962's API (section 4) where it has one: `get-entries` with
`start` and `end` (both included), `get-proof-by-hash` with `hash` and
`tree_size`, `get-sth-consistency` with `first` and `second`, and the JSON
keys it answers with (`leaf_index`, `audit_path`, `consistency`). Hashes are
base64. The checkpoint is a signed note (C2SP tlog-checkpoint). A value that
is not a number in range gets a 400 that says which, never a 500.
"""

import base64
import binascii

from django import forms
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from correction_desk.support.parsing import WholeNumberField
from correction_desk.transparency import keys, log, merkle, texts
from correction_desk.transparency.models import Checkpoint, LogRecord

ENTRIES_AT_ONCE = 1000
# A proof for a given tree size never changes; the latest checkpoint does.
FOREVER = "public, max-age=86400, immutable"
SHORT = "public, max-age=10"


def _text(body: str, status=200, cache=SHORT) -> HttpResponse:
    response = HttpResponse(
        body, content_type="text/plain; charset=utf-8", status=status
    )
    response["Cache-Control"] = cache
    response["Access-Control-Allow-Origin"] = "*"  # anyone may check, from anywhere
    return response


def _json(data: dict, status=200, cache=SHORT) -> JsonResponse:
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = cache
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _refused(form: forms.Form) -> JsonResponse:
    errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
    return _json(
        {"error": _("Invalid parameters."), "fields": errors},
        status=400,
        cache="no-store",
    )


def _b64(value: bytes) -> str:
    return base64.b64encode(value).decode()


@require_safe
def checkpoint(request, size=None):
    """The latest signed checkpoint, or the one of a given size."""
    found = (
        Checkpoint.objects.filter(size=size).first()
        if size is not None
        else log.latest_checkpoint()
    )
    if found is None:
        message = (
            _("No checkpoint has been signed yet.")
            if size is None
            else _("No checkpoint of that size was signed.")
        )
        return _text(message + "\n", status=404, cache="no-store")
    return _text(found.note, cache=FOREVER if size is not None else SHORT)


@require_safe
def verifier_key(request):
    """The key that checks the checkpoints (Go's note verifier format)."""
    latest = log.latest_checkpoint()
    signer = keys.signer()
    verifier = signer.verifier_text() if signer else latest.verifier if latest else ""
    if not verifier:
        return _text(_("The log has no key yet.") + "\n", status=404, cache="no-store")
    return _text(verifier + "\n")


class EntriesParameters(forms.Form):
    start = WholeNumberField(min_value=0, label=gettext_lazy("start"))
    end = WholeNumberField(min_value=0, label=gettext_lazy("end"))

    def clean(self):
        data = super().clean()
        if "start" in data and "end" in data and data["end"] < data["start"]:
            raise forms.ValidationError(_("The end comes before the start."))
        return data


@require_safe
def entries(request):
    """Records start…end (both included; at most 1000 at once)."""
    form = EntriesParameters(request.GET)
    if not form.is_valid():
        return _refused(form)
    start = form.cleaned_data["start"]
    end = min(form.cleaned_data["end"], start + ENTRIES_AT_ONCE - 1)
    records = LogRecord.objects.filter(index__gte=start, index__lte=end).values_list(
        "index", "data"
    )
    return _json(
        {
            "entries": [
                {"leaf_index": index, "leaf_input": _b64(data.encode()), "record": data}
                for index, data in records
            ]
        }
    )


class InclusionParameters(forms.Form):
    leaf_index = WholeNumberField(min_value=0, required=False)
    hash = forms.CharField(required=False, max_length=64)
    tree_size = WholeNumberField(required=False)

    def clean_hash(self):
        value = self.cleaned_data["hash"]
        if not value:
            return None
        try:
            decoded = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            decoded = b""
        if len(decoded) != 32:
            raise forms.ValidationError(_("A leaf hash is 32 bytes in base64."))
        return decoded


def _tree_size(requested: int | None) -> int | None:
    """The size asked for, or the latest signed one."""
    if requested is not None:
        return requested
    latest = log.latest_checkpoint()
    return latest.size if latest else None


@require_safe
def inclusion_proof(request):
    """The audit path of one record (by `leaf_index` or leaf `hash`) in the
    tree of `tree_size` records (default: the latest checkpoint's)."""
    form = InclusionParameters(request.GET)
    if not form.is_valid():
        return _refused(form)
    data = form.cleaned_data
    index = data["leaf_index"]
    if index is None and data["hash"] is not None:
        index = _index_of_hash(data["hash"])
    if index is None:
        return _json(
            {"error": _("Name a record: leaf_index or hash.")},
            status=400,
            cache="no-store",
        )
    tree_size = _tree_size(data["tree_size"])
    if tree_size is None or tree_size > log.size() or index >= tree_size:
        return _json(
            {"error": _("That record is not in a tree of that size.")},
            status=400,
            cache="no-store",
        )
    path = merkle.prove_record(tree_size, index, log.read_hashes)
    return _json(
        {
            "leaf_index": index,
            "tree_size": tree_size,
            "audit_path": [_b64(h) for h in path],
        },
        cache=FOREVER if data["tree_size"] else SHORT,
    )


def _index_of_hash(leaf: bytes) -> int | None:
    return (
        LogRecord.objects.filter(leaf_hash=leaf.hex())
        .values_list("index", flat=True)
        .first()
    )


class ConsistencyParameters(forms.Form):
    first = WholeNumberField()
    second = WholeNumberField()

    def clean(self):
        data = super().clean()
        if "first" in data and "second" in data and data["first"] > data["second"]:
            raise forms.ValidationError(
                _("The first tree must not be larger than the second.")
            )
        return data


@require_safe
def consistency_proof(request):
    """The proof that the tree of `second` records begins with the tree of `first`."""
    form = ConsistencyParameters(request.GET)
    if not form.is_valid():
        return _refused(form)
    first, second = form.cleaned_data["first"], form.cleaned_data["second"]
    if second > log.size():
        return _json(
            {"error": _("The log is not that large yet.")}, status=400, cache="no-store"
        )
    proof = merkle.prove_tree(second, first, log.read_hashes)
    return _json(
        {"first": first, "second": second, "consistency": [_b64(h) for h in proof]},
        cache=FOREVER,
    )


@require_safe
def record_text(request, index):
    """The text a record's hash was taken of, normalised as it was hashed;
    410 once the text has left the public (the record stays)."""
    record = LogRecord.objects.filter(index=index).first()
    if record is None:
        return _text(_("There is no such record.") + "\n", status=404, cache="no-store")
    if not record.text_sha256:
        return _text(
            _("This record names no text.") + "\n", status=404, cache="no-store"
        )
    text = texts.public_text(record)
    if text is None:
        return _text(
            _("This text is no longer public.") + "\n", status=410, cache="no-store"
        )
    return _text(text)
