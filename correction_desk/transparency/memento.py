"""Memento (RFC 7089): "what did it say at 10:00?" for any public content.

The content's own page is the original resource (URI-R): its `Link` header
(`original_links`, which the host adds to its page) names a TimeGate and a
TimeMap here. The TimeGate (URI-G) answers `Accept-Datetime` with a redirect to
the version in force then; the TimeMap lists every version; each version is a
memento (URI-M) with its `Memento-Datetime` and the text readers read then.
Pattern 2.2 of the RFC: the original resource does not itself negotiate on
datetime, so a cache in front keeps one copy of it.
"""

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.http import http_date, parse_http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from correction_desk.intake.views import public_content
from correction_desk.registry import adapter_for
from correction_desk.support import kept_urls
from correction_desk.support.kept_urls import reverse
from correction_desk.support.parsing import whole_number

LINK_FORMAT = "application/link-format"


@dataclass(frozen=True)
class Memento:
    revision: int
    since: datetime
    until: datetime | None


def mementos(content) -> list[Memento]:
    """Every public version of the content, oldest first."""
    adapter = adapter_for(content)
    earlier = [
        Memento(v.revision, v.valid_from, v.replaced_at)
        for v in adapter.versions(content)
    ]
    current = Memento(adapter.revision(content), adapter.current_since(content), None)
    return sorted([*earlier, current], key=lambda m: (m.since, m.revision))


def _label(content) -> str:
    return content._meta.concrete_model._meta.label_lower


def _urls(request, content) -> dict:
    adapter = adapter_for(content)
    absolute = partial(kept_urls.absolute, request)
    args = [_label(content), str(content.pk)]
    language = adapter.language(content)
    # Switching to the language already active cost as much as the address.
    same = language == translation.get_language()
    with nullcontext() if same else translation.override(language):
        original = absolute(adapter.url(content))
    return {
        "original": original,
        "timegate": absolute(reverse("correction_desk_log:timegate", args=args)),
        "timemap": absolute(reverse("correction_desk_log:timemap", args=args)),
    }


def memento_url(request, content, revision: int) -> str:
    args = [_label(content), str(content.pk), str(revision)]
    return kept_urls.absolute(
        request, reverse("correction_desk_log:memento", args=args)
    )


def _moment(value: datetime) -> str:
    return http_date(value.timestamp())


def original_links(request, content) -> str:
    """The `Link` header of the content's own page (RFC 7089, 5)."""
    urls = _urls(request, content)
    return (
        f'<{urls["original"]}>; rel="original", '
        f'<{urls["timegate"]}>; rel="timegate", '
        f'<{urls["timemap"]}>; rel="timemap"; type="{LINK_FORMAT}"'
    )


def _memento_links(
    request, content, found: list[Memento], chosen: Memento
) -> list[str]:
    """The chosen memento and its first, last, previous and next ones."""
    position = found.index(chosen)
    relations: dict[int, list[str]] = {position: []}
    for rel, index in (("first", 0), ("last", len(found) - 1),
                       ("prev", position - 1), ("next", position + 1)):  # fmt: skip
        if 0 <= index < len(found):
            relations.setdefault(index, []).append(rel)
    return [
        f"<{memento_url(request, content, found[index].revision)}>; "
        f'rel="{" ".join([*rels, "memento"])}"; '
        f'datetime="{_moment(found[index].since)}"'
        for index, rels in sorted(relations.items())
    ]


def _public(model: str, pk: str):
    content = public_content(model, pk)
    if content is None:
        raise Http404
    return content


@require_safe
def timegate(request, model, pk):
    """Redirect to the version in force at `Accept-Datetime` (now, without one)."""
    content = _public(model, pk)
    found = mementos(content)
    asked = request.headers.get("Accept-Datetime")
    if asked is None:
        chosen = found[-1]
    else:
        try:
            moment = datetime.fromtimestamp(parse_http_date(asked), tz=UTC)
        except ValueError:
            response = HttpResponse(
                _("Accept-Datetime must be an HTTP date, such as "
                  "“Thu, 03 Dec 2026 10:00:00 GMT”.") + "\n",
                status=400, content_type="text/plain; charset=utf-8",
            )  # fmt: skip
            response["Vary"] = "accept-datetime"
            return response
        # Before the first version, the first is the closest there is.
        in_force = [m for m in found if m.since <= moment]
        chosen = in_force[-1] if in_force else found[0]
    urls = _urls(request, content)
    response = HttpResponse(status=302)
    response["Location"] = memento_url(request, content, chosen.revision)
    response["Vary"] = "accept-datetime"
    response["Cache-Control"] = "no-cache"
    response["Link"] = ", ".join([
        f'<{urls["original"]}>; rel="original"',
        f'<{urls["timemap"]}>; rel="timemap"; type="{LINK_FORMAT}"',
        *_memento_links(request, content, found, chosen),
    ])  # fmt: skip
    return response


@require_safe
def timemap(request, model, pk):
    """Every version, in the link format (RFC 6690) the RFC's TimeMap uses."""
    content = _public(model, pk)
    found = mementos(content)
    urls = _urls(request, content)
    lines = [
        f'<{urls["original"]}>; rel="original"',
        f'<{urls["timegate"]}>; rel="timegate"',
        f'<{urls["timemap"]}>; rel="self"; type="{LINK_FORMAT}"; '
        f'from="{_moment(found[0].since)}"; until="{_moment(found[-1].since)}"',
    ]
    for index, memento in enumerate(found):
        rel = " ".join(
            [*(["first"] if index == 0 else []),
             *(["last"] if index == len(found) - 1 else []), "memento"]
        )  # fmt: skip
        lines.append(
            f'<{memento_url(request, content, memento.revision)}>; rel="{rel}"; '
            f'datetime="{_moment(memento.since)}"'
        )
    response = HttpResponse(",\n".join(lines) + "\n", content_type=LINK_FORMAT)
    response["Cache-Control"] = "public, max-age=60"
    return response


@require_safe
def memento(request, model, pk, revision):
    """One version as readers read it, dated."""
    content = _public(model, pk)
    number = whole_number(revision)
    found = mementos(content)
    chosen = next((m for m in found if m.revision == number), None)
    text = adapter_for(content).version_texts(content, number) if chosen else None
    if text is None:
        raise Http404
    urls = _urls(request, content)
    adapter = adapter_for(content)
    response = render(
        request,
        "correction_desk/memento.html",
        {
            "content": content,
            "title": adapter.title(content),
            "language": adapter.language(content),
            "memento": chosen,
            "paragraphs": [line for line in text.split("\n") if line.strip()],
            "original_url": urls["original"],
            "current": chosen is found[-1],
        },
    )
    response["Memento-Datetime"] = _moment(chosen.since)
    response["Link"] = ", ".join([
        f'<{urls["original"]}>; rel="original"',
        f'<{urls["timegate"]}>; rel="timegate"',
        f'<{urls["timemap"]}>; rel="timemap"; type="{LINK_FORMAT}"',
        *_memento_links(request, content, found, chosen),
    ])  # fmt: skip
    response["Cache-Control"] = "public, max-age=60"
    return response
