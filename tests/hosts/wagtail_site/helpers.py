"""What the Wagtail host's tests share: a reader's report, the fix desk's form."""

import json
import re
import time

from django.urls import reverse

from correction_desk.fixing.source import find_passage
from correction_desk.intake.stamps import make_stamp
from correction_desk.registry import adapter_for

QUEUE = "/django-admin/correction_desk/report/"
CONFIRMATION = "Wir werden Ihre Kommentare so schnell wie möglich berücksichtigen."


def report_url(story) -> str:
    return reverse("correction_desk:report", args=["stories.storypage", story.pk])


def public_addresses() -> list[str]:
    """Where the public reads notes: the log, its feeds, the JSON record."""
    return [
        reverse(f"correction_desk:{name}")
        for name in ("log", "feed", "feed-atom", "record")
    ]


def report_post(story, **overrides) -> dict:
    """What a reader's browser sends, having read the story for a while."""
    return {
        "passage": "1890",
        "context_before": "Der Hafen wurde ",
        "context_after": " eröffnet",
        "article_revision": str(adapter_for(story).revision(story)),
        "description": "Er wurde 1891 eröffnet.",
        "suggestion": "1891",
        "source_url": "",
        "name": "",
        "email": "",
        "website": "",
        "stamp": make_stamp(story, issued_at=time.time() - 30),
        **overrides,
    }


def fix_post(report, story, wrong="1890", right="1891", **fields) -> dict:
    """The fix desk's form: the block around the passage, with `right` in it."""
    spot = find_passage(story, wrong)
    source = getattr(story, spot.field)
    block = spot.block(source)
    return {
        "field": spot.field,
        "block_start": spot.block_start,
        "block_end": spot.block_end,
        "seen": adapter_for(story).fingerprint(story),
        "new_text": block.replace(wrong, right, 1),
        "kind": "correction",
        "text": f"Der Hafen wurde {right} eröffnet, nicht {wrong}.",
        "reason": "",
        "action": "publish",
        **fields,
    }


def menu_links(admin_page: str) -> dict[str, str]:
    """Wagtail's admin menu, label → address, from the data its sidebar is
    drawn from (the menu itself is drawn by Wagtail's script)."""
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        admin_page,
        re.S,
    )
    links = {}

    def walk(value):
        if isinstance(value, dict):
            if "label" in value and "url" in value:
                links[value["label"]] = value["url"]
            for each in value.values():
                walk(each)
        elif isinstance(value, list):
            for each in value:
                walk(each)

    walk(json.loads(props[1]) if props else {})
    return links
