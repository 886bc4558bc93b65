"""The desk's template tags for a site whose pages are Jinja2 templates.

Add `"correction_desk.jinja2tags.desk"` to the Jinja2 environment's
`extensions`. Each function is the Django tag of the same name
(templatetags/correction_desk.py) and renders the same templates, so a
correction reads the same on either engine's pages:

    {{ counter_statements(story, "title") }}  where the claim stands
    {{ correction_notice(story) }}            "corrected on …", under the headline
    {{ correction_notes(story) }}             the dated notes, after the text
    {{ report_section(story, report_form) }}  the readers' form
"""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from jinja2.ext import Extension

from correction_desk import public
from correction_desk.intake.blank_form import report_section_html
from correction_desk.templatetags.correction_desk import (
    counter_statements,
    public_notes,
)


def correction_notes(content):
    """The content's published notes, dated (nothing when none)."""
    notes = public.public_notes(content)
    if not notes:
        return _without_notes("correction_desk/_notes.html")
    return render_to_string(
        "correction_desk/_notes.html", {"notes": notes, "content": content}
    )


def correction_notice(content):
    """The newest standing note's "corrected on …", linked to the notes."""
    notes = public.public_notes(content)
    if not notes:
        return _without_notes("correction_desk/_notes_notice.html")
    return render_to_string("correction_desk/_notes_notice.html", {"notes": notes})


@lru_cache(maxsize=8)
def _without_notes(template: str) -> str:
    # Most content has no notes, and then a template gives the same each time
    # (its blank lines): rendered once instead of on every page.
    return render_to_string(template, {"notes": []})


@receiver(setting_changed)
def _forget(**kwargs):
    # Tests change the template settings, never a server.
    _without_notes.cache_clear()


def report_section(content, form=None):
    """The report form under the content, bound if the view passed one."""
    return report_section_html(content, form or None)


class CorrectionDesk(Extension):
    def __init__(self, environment):
        super().__init__(environment)
        environment.globals.update(
            counter_statements=counter_statements,
            correction_notice=correction_notice,
            correction_notes=correction_notes,
            public_notes=public_notes,
            report_section=report_section,
        )


desk = CorrectionDesk
