from django import template

from corrections.forms import ReportForm

register = template.Library()

SENT_PARAMETER = "report"
SENT_VALUE = "sent"


@register.inclusion_tag("corrections/_report_section.html", takes_context=True)
def report_section(context, article):
    """Render the report form under an article, bound if the view passed one."""
    request = context["request"]
    return {
        "article": article,
        "form": context.get("report_form") or ReportForm(article),
        "sent": request.GET.get(SENT_PARAMETER) == SENT_VALUE,
    }
