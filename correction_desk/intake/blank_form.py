"""The report section under each article, rendered once per article for a blank form.

Rendering the form field by field through crispy-forms' templates cost as much as
the rest of the article page together (bench/RESULTS.md). A blank section differs
only by language, address (the script prefix and URLconf its action is
reversed under), content (its key and revision) and stamp, so each process
renders it once for those and puts a fresh stamp into the copy. The key holds
every input of the render, so a copy can never be out of date; code and
templates change only with a restart, which empties it.
"""

from functools import lru_cache

from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from correction_desk.conf import setting
from correction_desk.intake.forms import ReportForm
from correction_desk.intake.stamps import make_stamp
from correction_desk.registry import adapter_for, model_of

# Letters only: HTML escaping leaves it as it is, so it is found in the output.
STAMP_PLACEHOLDER = "newsroomstampplaceholder"
TEMPLATE = "correction_desk/_report_section.html"


def report_section_html(content, form: ReportForm | None = None) -> SafeString:
    """The section with the reader's form (sent back with errors), or a blank one."""
    if form is not None:
        return render_to_string(
            TEMPLATE,
            {"content": content, "form": form, "form_css": setting("FORM_CSS")},
        )
    label = content._meta.concrete_model._meta.label_lower
    revision = adapter_for(content).revision(content)
    html = _render(
        get_language(), get_script_prefix(), get_urlconf(),
        label, content.pk, revision, setting("FORM_CSS"),
    )  # fmt: skip
    return mark_safe(html.replace(STAMP_PLACEHOLDER, make_stamp(content), 1))  # noqa: S308 (our template's output, escaped)


@lru_cache(maxsize=1024)
def _render(language, prefix, urlconf, label, pk, revision: int, form_css) -> str:
    # The script prefix and URLconf are in the key for the form's address.
    # Only the key and revision are read: a bare instance stands for the content.
    content = model_of(label)(pk=pk)
    form = ReportForm(
        content, initial={"stamp": STAMP_PLACEHOLDER, "article_revision": revision}
    )
    html = render_to_string(
        TEMPLATE, {"content": content, "form": form, "form_css": form_css}
    )
    assert html.count(STAMP_PLACEHOLDER) == 1
    return html
