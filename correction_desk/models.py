import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from correction_desk import conf
from correction_desk.record.deep_links import passage_path
from correction_desk.support.markdown import render_markdown


def languages():
    """The project's languages (a callable: a project's own list never asks
    for a migration of the desk)."""
    return settings.LANGUAGES


def site_language():
    return conf.site_language()


PASSAGE_MAX_LENGTH = 1000
CONTEXT_MAX_LENGTH = 100
# The rule behind the report_email_needs_consent constraint, in the reader's words.
CONSENT_REQUIRED = _(
    "Please agree that we may keep your address, or leave the e-mail field empty."
)
DESCRIPTION_MAX_LENGTH = 5000
SUGGESTION_MAX_LENGTH = 5000
SOURCE_URL_MAX_LENGTH = 500
NAME_MAX_LENGTH = 100
# The parts of the content a reader can select a passage in.
PART_CHOICES = [
    ("title", _("headline")),
    ("lead", _("lead")),
    ("body", _("body")),
    ("caption", _("caption")),
    ("credit", _("picture credit")),
]
EMAIL_MAX_LENGTH = 254


class AboutContent:
    """Querysets of things about a piece of content (generic relation)."""

    def about(self, content):
        return self.filter(
            content_type=ContentType.objects.get_for_model(content),
            object_id=str(content.pk),
        )

    def about_any(self, contents):
        """About any of `contents`, which may be of several models."""
        keys_by_type = {}
        for content in contents:
            content_type = ContentType.objects.get_for_model(content)
            keys_by_type.setdefault(content_type, []).append(str(content.pk))
        condition = models.Q(pk__in=[])
        for content_type, keys in keys_by_type.items():
            condition |= models.Q(content_type=content_type, object_id__in=keys)
        return self.filter(condition)

    def on_public_content(self):
        """About content the public may see now (each adapter says which)."""
        return self._on_content(public=True)

    def on_existing_content(self):
        """About content that still exists, public or not."""
        return self._on_content(public=False)

    def _on_content(self, public: bool):
        from correction_desk.registry import adapters

        condition = models.Q(pk__in=[])
        for adapter in adapters():
            contents = adapter.model._default_manager.all()
            if public:
                contents = adapter.public(contents)
            condition |= models.Q(
                content_type=ContentType.objects.get_for_model(adapter.model),
                object_id__in=contents.annotate(
                    key=Cast("pk", models.CharField())
                ).values("key"),
            )
        return self.filter(condition)


class OnContent:
    """What templates and e-mails ask of the content a report or note is about."""

    @property
    def adapter(self):
        from correction_desk.registry import adapter_for

        return adapter_for(self.content)

    @property
    def content_title(self) -> str:
        return self.adapter.title(self.content)

    @property
    def content_url(self) -> str:
        return self.adapter.url(self.content)

    @property
    def content_edit_url(self) -> str | None:
        return self.adapter.edit_url(self.content)

    @property
    def content_revision(self) -> int:
        return self.adapter.revision(self.content)

    @property
    def desk_name(self) -> str:
        if "_desk_name" not in self.__dict__:
            self._desk_name = dict(self.adapter.desks()).get(self.desk, self.desk)
        return self._desk_name

    @desk_name.setter
    def desk_name(self, value: str) -> None:
        self._desk_name = value


class CorrectionNoteQuerySet(AboutContent, models.QuerySet):
    def published(self):
        # NULL (not yet published) never compares as earlier than now.
        return self.filter(published_at__lte=timezone.now())

    def awaiting_approval(self):
        return self.filter(published_at__isnull=True, withdrawn_at__isnull=True)


def content_fields():
    """The generic relation to the content a report or note is about."""
    return (
        models.ForeignKey(
            ContentType,
            verbose_name=_("content type"),
            on_delete=models.PROTECT,
            related_name="+",
        ),
        models.CharField(_("content id"), max_length=64),
    )


class CorrectionNote(OnContent, models.Model):
    """A dated public note on a piece of content saying what was corrected."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Correction")
        CLARIFICATION = "clarification", _("Clarification")
        UPDATE = "update", _("Update")
        # What press law makes the newsroom publish (press_law/): never chosen
        # by an editor for a note of the newsroom's own.
        COUNTER_STATEMENT = "counter_statement", _("Counter-statement")
        REPLY = "reply", _("Reply of the editors to a counter-statement")
        REPRIMAND = "reprimand", _("Public reprimand by the German Press Council")

    content_type, object_id = content_fields()
    content = GenericForeignKey("content_type", "object_id")
    # Copied from the content when the note is made: the log and the feeds
    # filter by them without reaching into the host's tables.
    language = models.CharField(
        _("language"), max_length=15, choices=languages, default=site_language
    )
    desk = models.CharField(_("desk"), max_length=100, blank=True)
    kind = models.CharField(
        _("type"), max_length=20, choices=Kind.choices, default=Kind.CORRECTION
    )
    text = models.TextField(
        _("public note"),
        max_length=2000,
        help_text=_("What was wrong and what is right now, in a sentence or two."),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # The fix waits in the host's own review (a moderation workflow): the note
    # goes public when the content does.
    awaits_content = models.BooleanField(
        _("waits for the content's publication"), default=False, editable=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The second editor, where notes need two (four-eyes rule)."),
    )
    revision = models.PositiveIntegerField(
        _("article revision"),
        null=True,
        blank=True,
        help_text=_("The version of the article that carries this change."),
    )
    compare_from = models.PositiveIntegerField(
        _("changed from version"),
        null=True,
        blank=True,
        help_text=_("The version before the first change this note stands for."),
    )
    amended_at = models.DateTimeField(_("amended at"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(
        _("why it was withdrawn"), max_length=2000, blank=True
    )
    # A counter-statement stands where its claim stood (press_law/placement.py).
    placement = models.CharField(
        _("shown next to"),
        max_length=10,
        choices=PART_CHOICES,
        blank=True,
        editable=False,
    )
    # A counter-statement whose content is offered no more stays in the
    # corrections log as long as the claim was offered (§ 20 Abs. 1 MStV).
    shown_until = models.DateTimeField(
        _("shown in the log until"), null=True, blank=True, editable=False
    )
    passage = models.TextField(
        _("corrected passage"),
        blank=True,
        editable=False,
        help_text=_(
            "The corrected wording as it now reads in the article; links to the "
            "note lead readers to it."
        ),
    )

    objects = CorrectionNoteQuerySet.as_manager()

    # The kinds an editor gives the newsroom's own notes.
    EDITORIAL_KINDS = (Kind.CORRECTION, Kind.CLARIFICATION, Kind.UPDATE)
    # Published only from a counter-statement demand or a Press Council decision,
    # changed only with a reason on record.
    LEGAL_KINDS = (Kind.COUNTER_STATEMENT, Kind.REPLY, Kind.REPRIMAND)

    class Meta:
        ordering = ["published_at", "pk"]
        verbose_name = _("correction note")
        verbose_name_plural = _("correction notes")
        indexes = [
            models.Index(fields=["-published_at"], name="note_published_idx"),
            models.Index(fields=["content_type", "object_id"], name="note_content_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.content}"

    def get_absolute_url(self):
        return f"{self.content_url}#{self.anchor}"

    @property
    def anchor(self) -> str:
        """Its id on the content's page; a counter-statement's says what it is."""
        if self.kind == self.Kind.COUNTER_STATEMENT:
            return f"gegendarstellung-{self.pk}"
        return f"korrektur-{self.pk}"

    @property
    def is_editorial(self) -> bool:
        return self.kind in self.EDITORIAL_KINDS

    def get_passage_url(self):
        """The note's address, leading to its corrected words (deep_links.py)."""
        return passage_path(self)

    @property
    def versions_url(self) -> str | None:
        """The host's public comparison of the text before and after its change."""
        if not self.revision or self.revision < 2:
            return None
        return self.adapter.versions_url(self.content, self.revision - 1, self.revision)


def editorial_kind_choices():
    """The kinds an editor chooses from for the newsroom's own notes."""
    return [
        (value, label)
        for value, label in CorrectionNote.Kind.choices
        if value in CorrectionNote.EDITORIAL_KINDS
    ]


class CorrectionNoteChange(models.Model):
    """One step in a note's life: published, amended or withdrawn, by whom.

    An amendment keeps the text and type the note had before it, so that what
    readers were told stays on record.
    """

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("submitted for approval")
        PUBLISHED = "published", _("published")
        AMENDED = "amended", _("amended")
        WITHDRAWN = "withdrawn", _("withdrawn")

    note = models.ForeignKey(
        CorrectionNote,
        verbose_name=_("correction note"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    previous_text = models.TextField(_("text before"), blank=True)
    previous_kind = models.CharField(
        _("type before"), max_length=20, choices=CorrectionNote.Kind.choices, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("change to a correction note")
        verbose_name_plural = _("changes to correction notes")

    def __str__(self):
        return f"{self.get_action_display()}: {self.note}"


class PendingNoteChange(models.Model):
    """An amendment or withdrawal of a published note, waiting for a second
    editor under the four-eyes rule: readers keep seeing the approved text
    until someone other than its author approves the change."""

    class Action(models.TextChoices):
        AMEND = "amend", _("amend")
        WITHDRAW = "withdraw", _("withdraw")

    note = models.ForeignKey(
        CorrectionNote,
        verbose_name=_("correction note"),
        on_delete=models.CASCADE,
        related_name="pending_changes",
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    text = models.TextField(_("new text"), blank=True)
    kind = models.CharField(
        _("new type"), max_length=20, choices=CorrectionNote.Kind.choices, blank=True
    )
    reason = models.TextField(_("reason"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)

    class Meta:
        ordering = ["proposed_at", "pk"]
        verbose_name = _("change waiting for approval")
        verbose_name_plural = _("changes waiting for approval")
        constraints = [
            # One at a time: a second editor approves exactly what is shown.
            models.UniqueConstraint(fields=["note"], name="one_pending_change_per_note")
        ]

    def __str__(self):
        return f"{self.get_action_display()}: {self.note}"


class ReportQuerySet(AboutContent, models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def queue_of(self, editor):
        """The open reports an editor works through: theirs and nobody's."""
        return self.open().filter(
            models.Q(assignee=editor) | models.Q(assignee__isnull=True)
        )

    def next_for(self, editor, *, after=None):
        """The oldest open report for this editor, other than `after`."""
        reports = self.queue_of(editor)
        if after is not None:
            reports = reports.exclude(pk=after.pk)
        return reports.order_by("created_at", "pk").first()

    def neighbours(self, editor, report):
        """The reports before and after this one in the editor's queue."""
        reports = self.queue_of(editor)
        later = models.Q(created_at__gt=report.created_at) | models.Q(
            created_at=report.created_at, pk__gt=report.pk
        )
        earlier = models.Q(created_at__lt=report.created_at) | models.Q(
            created_at=report.created_at, pk__lt=report.pk
        )
        return (
            reports.filter(earlier).order_by("-created_at", "-pk").first(),
            reports.filter(later).order_by("created_at", "pk").first(),
        )

    def erase_reporter_data(self) -> int:
        """Forget who sent these reports: name, e-mail address and consent."""
        return self.exclude(reporter_name="", reporter_email="").update(
            reporter_name="", reporter_email="", consent_at=None
        )


class Report(OnContent, models.Model):
    """A reader's report of a possible error in a piece of content."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_REVIEW = "in_review", _("in review")
        CORRECTED = "corrected", _("corrected")
        FIXED_SILENTLY = "fixed_silently", _("fixed silently")
        REJECTED = "rejected", _("rejected")
        DUPLICATE = "duplicate", _("duplicate")
        SPAM = "spam", _("spam")

    class Kind(models.TextChoices):
        TYPO = "typo", _("typo")
        FACTUAL = "factual", _("factual error")
        MISSING_CONTEXT = "missing_context", _("missing context")
        OTHER = "other", _("other")

    class Priority(models.IntegerChoices):
        LOW = 1, _("low")
        NORMAL = 2, _("normal")
        HIGH = 3, _("high")

    class SpamReason(models.TextChoices):
        NONE = "", _("none")
        HONEYPOT = "honeypot", _("hidden field filled in")
        # No longer given (see correction_desk/intake/stamps.py); kept for older
        # reports.
        TOO_FAST = "too_fast", _("sent too fast after the page was shown")
        BAD_STAMP = "bad_stamp", _("form stamp forged or expired")

    content_type, object_id = content_fields()
    content = GenericForeignKey("content_type", "object_id")
    desk = models.CharField(_("desk"), max_length=100, blank=True)
    passage = models.TextField(_("passage"), max_length=PASSAGE_MAX_LENGTH, blank=True)
    context_before = models.CharField(
        _("text before the passage"), max_length=CONTEXT_MAX_LENGTH, blank=True
    )
    context_after = models.CharField(
        _("text after the passage"), max_length=CONTEXT_MAX_LENGTH, blank=True
    )
    part = models.CharField(
        _("part of the article"),
        max_length=10,
        choices=PART_CHOICES,
        blank=True,
        help_text=_("Where the reader selected the passage."),
    )
    article_revision = models.PositiveIntegerField(
        _("article revision seen"),
        help_text=_("The revision of the article the reader was looking at."),
    )
    description = models.TextField(
        _("what is wrong"), max_length=DESCRIPTION_MAX_LENGTH
    )
    suggestion = models.TextField(
        _("suggested correction"), max_length=SUGGESTION_MAX_LENGTH, blank=True
    )
    source_url = models.URLField(
        _("source"),
        max_length=SOURCE_URL_MAX_LENGTH,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    reporter_name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH, blank=True)
    reporter_email = models.EmailField(
        _("e-mail address"), max_length=EMAIL_MAX_LENGTH, blank=True
    )
    consent_at = models.DateTimeField(
        _("consent given at"),
        null=True,
        blank=True,
        help_text=_("When the reader agreed that we keep the e-mail address."),
    )
    language = models.CharField(
        _("page language"), max_length=15, choices=languages, default=site_language
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    spam_reason = models.CharField(
        _("why it counts as spam"),
        max_length=20,
        choices=SpamReason.choices,
        blank=True,
    )
    # A keyed hash of the address (see correction_desk.intake.clients), never the
    # address.
    client_hash = models.CharField(_("client fingerprint"), max_length=64, blank=True)
    # Identifies one submission, so that sending it again stores nothing new.
    submission_key = models.CharField(
        _("submission key"), max_length=64, blank=True, default="", editable=False
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    # The editors' side.
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    due_at = models.DateTimeField(
        _("due"),
        null=True,
        blank=True,
        help_text=_("Set from the kind when it is classified; can be changed."),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_reports",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
    )
    # The first open report about the same thing, when this one arrived: the
    # queue shows the group as one row, and resolves it together.
    similar_to = models.ForeignKey(
        "self",
        verbose_name=_("grouped with"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="similar_reports",
    )
    correction_note = models.ForeignKey(
        CorrectionNote,
        verbose_name=_("correction note"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reports",
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    # Open (new or in review), kept by the database itself: the queue reads
    # its open reports in order through an index on it, whatever the
    # database knows of how many reports have which status.
    queued = models.GeneratedField(
        expression=models.Case(
            models.When(status__in=["new", "in_review"], then=models.Value(True)),
            default=models.Value(False),
        ),
        output_field=models.BooleanField(),
        db_persist=True,
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        permissions = [
            ("view_reporter_email", _("Can see the reporter's e-mail address")),
        ]
        indexes = [
            models.Index(
                fields=["status", "created_at"], name="report_status_created_idx"
            ),
            models.Index(
                fields=["assignee", "status"], name="report_assignee_status_idx"
            ),
            models.Index(fields=["status", "due_at"], name="report_status_due_idx"),
            # The queue, oldest first: read in this order, it stops after a page
            # instead of sorting every open report (bench/RESULTS.md, section 8).
            models.Index(fields=["created_at", "id"], name="report_created_idx"),
            # The queue's open reports, oldest first, and the groups among them
            # (correction_desk/triage/filters.py; bench/RESULTS.md, section 8).
            models.Index(
                fields=["queued", "created_at", "id"], name="report_queue_idx"
            ),
            models.Index(
                fields=["queued", "similar_to"], name="report_queue_group_idx"
            ),
            # Every new report looks up the newest open reports of its content,
            # grouped or not (correction_desk.intake.grouping): only those, newest
            # first.
            models.Index(
                fields=["content_type", "object_id", "status", "-created_at"],
                name="report_open_of_content_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reporter_email="")
                | models.Q(consent_at__isnull=False),
                name="report_email_needs_consent",
            ),
            models.UniqueConstraint(
                fields=["submission_key"],
                condition=~models.Q(submission_key=""),
                name="report_unique_submission",
            ),
        ]

    def __str__(self):
        return _("Report #%(number)s") % {"number": self.pk}

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_at is not None and self.due_at < timezone.now()

    @property
    def awaits_answer(self) -> bool:
        """True while the editors' last message is a question the reader can answer."""
        last = self.messages.last()
        return (
            self.is_open
            and last is not None
            and last.sender == ReportMessage.Sender.EDITORS
        )

    def public_reason(self) -> str:
        """Return the editors' reason for the outcome, if readers are told of it."""
        if self.status not in OUTCOMES_TOLD_TO_READER:
            return ""
        decision = self.decisions.filter(
            action=Decision.Action.STATUS, to_status=self.status
        ).last()
        return decision.reason if decision else ""


OPEN_STATUSES = (Report.Status.NEW, Report.Status.IN_REVIEW)
# Outcomes a reader who left an e-mail address hears about. A duplicate waits for
# its original; spam gets no answer.
OUTCOMES_TOLD_TO_READER = {
    Report.Status.CORRECTED,
    Report.Status.FIXED_SILENTLY,
    Report.Status.REJECTED,
}


class Decision(models.Model):
    """A record of one editorial decision on a report: who, when, what, why."""

    class Action(models.TextChoices):
        STATUS = "status", _("status change")
        ASSIGN = "assign", _("assignment")
        CLASSIFY = "classify", _("classification")
        PRIVACY = "privacy", _("privacy request")

    report = models.ForeignKey(
        Report,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="decisions",
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    from_status = models.CharField(
        _("from"), max_length=20, choices=Report.Status.choices
    )
    to_status = models.CharField(_("to"), max_length=20, choices=Report.Status.choices)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("decided at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [
            models.Index(fields=["report", "created_at"], name="decision_report_idx")
        ]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class ReportMessage(models.Model):
    """A question from the editors to the reader, or the reader's answer.

    The reader reads and answers on their private status page; no account.
    """

    class Sender(models.TextChoices):
        EDITORS = "editors", _("the editors")
        READER = "reader", _("the reader")

    report = models.ForeignKey(
        Report,
        verbose_name=_("report"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    sender = models.CharField(_("from"), max_length=10, choices=Sender.choices)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("message"), max_length=DESCRIPTION_MAX_LENGTH)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message about a report")
        verbose_name_plural = _("messages about reports")
        indexes = [
            # The queue's newest answers, read without touching the reports.
            models.Index(fields=["sender", "-created_at"], name="message_sender_idx")
        ]

    def __str__(self):
        return self.text[:60]


class EditorNote(models.Model):
    """A note between editors on a report. Never shown to the public."""

    report = models.ForeignKey(
        Report, verbose_name=_("report"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self):
        return self.text[:60]


class PolicyPage(models.Model):
    """The corrections policy, one per language, edited by editors in the admin."""

    language = models.CharField(
        _("language"), max_length=15, choices=languages, unique=True
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"), help_text=_("Markdown: ## for subheadings, - for lists.")
    )
    body_html = models.TextField(editable=False, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("corrections policy")
        verbose_name_plural = _("corrections policies (one per language)")

    def __str__(self):
        return f"{self.title} ({self.language})"

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        super().save(*args, **kwargs)


def new_signing_secret() -> str:
    return secrets.token_urlsafe(32)


def new_endpoint_key() -> str:
    return secrets.token_hex(16)


class PartnerEndpoint(models.Model):
    """A partner's address that hears of every published, amended or withdrawn note.

    Syndication partners, aggregators, the newsroom's own social tools: each event
    is signed as Standard Webhooks specifies, with the endpoint's secret, in the
    format the partner reads (correction_desk/partners/webhooks.py, README).
    """

    class Format(models.TextChoices):
        RECORD = "record", _("JSON (the corrections record)")
        NINJS = "ninjs", _("IPTC ninjs 3.1 (JSON)")
        NEWSML = "newsml", _("IPTC NewsML-G2 2.35 (XML)")

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(
        _("address"),
        max_length=500,
        help_text=_("Where the events are sent, as a POST (https)."),
    )
    body_format = models.CharField(
        _("format"),
        max_length=10,
        choices=Format.choices,
        default=Format.RECORD,
        help_text=_("What the partner's system reads."),
    )
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=new_signing_secret,
        help_text=_("Give it to the partner: it verifies the signature with it."),
    )
    legacy_signature = models.BooleanField(
        _("also sign the old way"),
        default=False,
        help_text=_(
            "Sends the Newsroom-Signature header of before beside Standard "
            "Webhooks', while the partner moves over; untick once it has."
        ),
    )
    # Names the endpoint in the address of its missed events (a capability:
    # whoever has it may read them, signed for the partner).
    key = models.CharField(
        max_length=32, unique=True, default=new_endpoint_key, editable=False
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner endpoint")
        verbose_name_plural = _("partner endpoints")

    def __str__(self):
        return self.name

    @property
    def standard_secret(self) -> str:
        """The secret as Standard Webhooks writes it: `whsec_` and the base64
        of the key, which is this endpoint's secret (so the old signature and
        the new one share it while a partner moves over)."""
        import base64

        return "whsec_" + base64.b64encode(self.secret.encode()).decode()

    def clean(self):
        from correction_desk.partners.webhooks import address_problem

        if problem := address_problem(self.url):
            raise ValidationError({"url": problem})


class WebhookDelivery(models.Model):
    """One event for one partner: what was sent, how often, and how it went."""

    class Event(models.TextChoices):
        PUBLISHED = "correction.published", _("note published")
        AMENDED = "correction.amended", _("note amended")
        WITHDRAWN = "correction.withdrawn", _("note withdrawn")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")

    endpoint = models.ForeignKey(
        PartnerEndpoint,
        verbose_name=_("partner endpoint"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    note = models.ForeignKey(
        CorrectionNote,
        verbose_name=_("correction note"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    event = models.CharField(_("event"), max_length=30, choices=Event.choices)
    payload = models.JSONField(_("event data"))
    # What is sent, byte for byte, in the endpoint's format: the same on every
    # attempt, and what a partner catching up is given.
    body = models.TextField(_("body"), blank=True)
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    response_status = models.PositiveIntegerField(_("answer"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.get_event_display()} → {self.endpoint}"


from correction_desk.embed.models import EmbedSite, ExternalPage  # noqa: E402, F401
from correction_desk.press_law.models import (  # noqa: E402, F401
    CounterStatementDemand,
    DemandDocument,
    PresseratComplaint,
    PressLawStep,
)
from correction_desk.transparency.models import Checkpoint, LogHash, LogHead, LogRecord  # noqa: E402, F401
