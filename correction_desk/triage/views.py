"""Admin pages about one report, beyond the change form, and the desk metrics."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from correction_desk import services
from correction_desk.fixing.desk import next_report_redirect
from correction_desk.models import OPEN_STATUSES, Report
from correction_desk.support import json_text
from correction_desk.support.parsing import whole_number
from correction_desk.triage import decisions, metrics, privacy, workflow
from correction_desk.triage.excerpt import excerpt_for, passages_overlap
from correction_desk.triage.forms import (
    CorrectionPublishForm,
    DecisionForm,
    MetricsFilterForm,
    PrivacyRequestForm,
    QuestionForm,
)

POSSIBLE_DUPLICATES_SHOWN = 20


def change_url(report) -> str:
    return reverse("admin:correction_desk_report_change", args=[report.pk])


def possible_duplicates(report) -> list[Report]:
    """Other reports on the article, those about the same passage first."""
    others = list(
        Report.objects.about(report.content)
        .exclude(pk=report.pk)
        .exclude(status=Report.Status.SPAM)
        .order_by("-created_at")[:POSSIBLE_DUPLICATES_SHOWN]
    )
    group = report.similar_to_id or report.pk
    for other in others:
        other.same_passage = passages_overlap(other.passage, report.passage)
        other.same_group = (
            report.is_open
            and other.is_open
            and (group == (other.similar_to_id or other.pk))
        )
    return sorted(others, key=lambda o: (not o.same_group, not o.same_passage))


def report_panels(report, user) -> dict:
    """What the change page shows beside the form."""
    allowed = workflow.next_statuses(report.status)
    previous, following = Report.objects.neighbours(user, report)
    return {
        "queue_previous": previous,
        "queue_next": following,
        "excerpt": excerpt_for(report),
        "possible_duplicates": possible_duplicates(report),
        "allowed_statuses": allowed,
        "decision_buttons": decisions.shown_on(report, user, allowed),
        "shortcut_decisions": decisions.with_shortcuts(),
        "can_publish": Report.Status.CORRECTED in allowed
        and report.status != Report.Status.DUPLICATE
        and user.has_perm("correction_desk.add_correctionnote"),
        "is_open": report.status in OPEN_STATUSES,
        "conversation": report.messages.select_related("editor"),
        "group": Report.objects.open().filter(similar_to=report),
        "question_form": QuestionForm(),
        "reader_has_email": bool(report.reporter_email and report.consent_at),
    }


def decide(model_admin, request, report):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = DecisionForm(request.POST)
    if not form.is_valid():
        model_admin.message_user(request, _("Unknown decision."), messages.ERROR)
        return redirect(change_url(report))
    decision = form.cleaned_data["decision"]
    try:
        report = decisions.take(
            decision, report, request.user, form.cleaned_data["reason"]
        )
    except ValidationError as error:
        model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
        return redirect(change_url(report))
    if report.status in workflow.RESOLUTIONS and decision != "reopen":
        done = _("Report #%(number)s: %(status)s.") % {
            "number": report.pk,
            "status": report.get_status_display(),
        }
        return next_report_redirect(model_admin, request, report, done)
    model_admin.message_user(request, _("Decision recorded."), messages.SUCCESS)
    return redirect(change_url(report))


def mark_duplicates(model_admin, request, report):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    ids = {whole_number(value) for value in request.POST.getlist("duplicate")} - {None}
    marked = 0
    for other in Report.objects.about(report.content).filter(pk__in=ids):
        try:
            services.report_mark_duplicate(
                report=other, editor=request.user, original=report
            )
            marked += 1
        except ValidationError as error:
            model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
    if marked:
        model_admin.message_user(
            request,
            _("%(count)d report(s) marked as duplicates of this one.")
            % {"count": marked},
            messages.SUCCESS,
        )
    return redirect(change_url(report))


def publish_correction(model_admin, request, report):
    if not request.user.has_perm("correction_desk.add_correctionnote"):
        raise PermissionDenied
    form = CorrectionPublishForm(report, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            note = services.correction_publish(
                content=report.content,
                editor=request.user,
                kind=form.cleaned_data["kind"],
                text=form.cleaned_data["text"],
                reports=[report, *form.cleaned_data["also_resolves"]],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            model_admin.message_user(
                request,
                _("The correction is published on the article."),
                messages.SUCCESS,
            )
            return redirect(change_url(report) + f"?published={note.pk}")
    return TemplateResponse(
        request,
        "admin/correction_desk/report/publish_correction.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "original": report,
            "title": _("Publish a correction"),
            "form": form,
            "excerpt": excerpt_for(report),
        },
    )


class MetricsView(TemplateView):
    template_name = "admin/correction_desk/report/metrics.html"
    model_admin = None

    def dispatch(self, request, *args, **kwargs):
        if not self.model_admin.has_view_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        filters = MetricsFilterForm(self.request.GET or None)
        chosen = filters.cleaned_data if filters.is_valid() else {}
        return {
            **super().get_context_data(**kwargs),
            **self.model_admin.admin_site.each_context(self.request),
            "opts": self.model_admin.opts,
            "title": _("Corrections desk: figures"),
            **metrics.desk_figures(),
            "filters": filters,
            "weekly": metrics.weekly_figures(
                kind=chosen.get("kind", ""), section=chosen.get("section")
            ),
        }


def ask_reader(model_admin, request, report):
    """Ask the reader a question; it appears on their status page."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = QuestionForm(request.POST)
    if not form.is_valid():
        model_admin.message_user(
            request, _("Please write the question for the reader."), messages.ERROR
        )
        return redirect(change_url(report))
    try:
        services.report_ask(
            report=report, editor=request.user, text=form.cleaned_data["text"]
        )
    except ValidationError as error:
        model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
    else:
        model_admin.message_user(
            request, _("The question is on the reader's page."), messages.SUCCESS
        )
    return redirect(change_url(report))


def privacy_request(model_admin, request):
    """Export or erase one reader's data, found by their e-mail address."""
    if not request.user.has_perms(
        ["correction_desk.view_reporter_email", "correction_desk.change_report"]
    ):
        raise PermissionDenied
    form = PrivacyRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email, action = form.cleaned_data["email"], form.cleaned_data["action"]
        if action == "export":
            data = privacy.reporter_data_export(email=email, editor=request.user)
            response = JsonResponse(
                data,
                encoder=json_text.TextEncoder,
                json_dumps_params={"ensure_ascii": False, "indent": 2},
            )
            response["Content-Disposition"] = (
                'attachment; filename="newsroom-meldungen.json"'
            )
            return response
        count = privacy.reporter_data_erase(email=email, editor=request.user)
        demands = privacy.demands_erase(email=email, editor=request.user)
        if demands:
            model_admin.message_user(
                request,
                ngettext(
                    "The person's data and documents are erased from %(count)d "
                    "counter-statement demand; what was published stays.",
                    "The person's data and documents are erased from %(count)d "
                    "counter-statement demands; what was published stays.",
                    demands,
                )
                % {"count": demands},
                messages.SUCCESS,
            )
        model_admin.message_user(
            request,
            ngettext(
                "The reader's data is erased from %(count)d report.",
                "The reader's data is erased from %(count)d reports.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
        return redirect(reverse("admin:correction_desk_report_privacy"))
    return TemplateResponse(
        request,
        "admin/correction_desk/report/privacy.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": _("A reader's data on request"),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


def ungroup(model_admin, request, report):
    """Take one report out of this report's group (or out of its own group)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    member = whole_number(request.POST.get("member"))
    target = Report.objects.filter(pk=member, similar_to=report).first() or report
    services.report_ungroup(report=target, editor=request.user)
    model_admin.message_user(
        request,
        _("Report #%(number)s stands on its own now.") % {"number": target.pk},
        messages.SUCCESS,
    )
    return redirect(change_url(report))
