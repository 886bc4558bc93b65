"""What press law asks of a newsroom, on record: counter-statement demands
(Gegendarstellungsverlangen) and complaints to the German Press Council
(Deutscher Presserat), each with its documents and every step.

Loaded at the end of correction_desk.models, after what is used here.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from correction_desk.models import (
    PART_CHOICES,
    AboutContent,
    CorrectionNote,
    OnContent,
    content_fields,
    languages,
    site_language,
)
from correction_desk.press_law.storage import private_files

# Where a claim can stand: the parts a counter-statement is shown next to.
CLAIM_PARTS = [(value, label) for value, label in PART_CHOICES if value != "credit"]
TEXT_MAX_LENGTH = 20000
DOCUMENT_MAX_BYTES = 10 * 1024 * 1024


class PressLawQuerySet(AboutContent, models.QuerySet):
    pass


class Case(OnContent, models.Model):
    """What a demand and a complaint share: the content, as the desk files
    it (its language and desk copied), and who recorded it when."""

    content_type, object_id = content_fields()
    content = GenericForeignKey("content_type", "object_id")
    language = models.CharField(
        _("language"), max_length=15, choices=languages, default=site_language
    )
    desk = models.CharField(_("desk"), max_length=100, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    objects = PressLawQuerySet.as_manager()

    class Meta:
        abstract = True


class CounterStatementDemand(Case):
    """A demand to publish a counter-statement (Gegendarstellungsverlangen)."""

    class Channel(models.TextChoices):
        LETTER = "letter", _("letter")
        FAX = "fax", _("fax")
        BAILIFF = "bailiff", _("served by a bailiff")
        HAND = "hand", _("delivered by hand")
        EMAIL = "email", _("e-mail")

    class Outcome(models.TextChoices):
        OPEN = "", _("open")
        PUBLISHED = "published", _("published")
        COURT_ORDER = "court_order", _("published after a court order")
        REFUSED = "refused", _("refused")

    class Ground(models.TextChoices):
        # § 20 Abs. 2 MStV and the Landespressegesetze (README, "Press law").
        NO_FACTUAL_CLAIM = (
            "no_factual_claim",
            _("the text contested states no fact (an opinion)"),
        )
        NOT_AFFECTED = "not_affected", _("the sender is not affected")
        NOT_FACTUAL = "not_factual", _("the counter-statement is not limited to facts")
        OBVIOUSLY_UNTRUE = "obviously_untrue", _("obviously untrue")
        NO_INTEREST = "no_interest", _("no legitimate interest")
        TOO_LONG = "too_long", _("excessive length")
        PUNISHABLE = "punishable", _("punishable content")
        LATE = "late", _("received too late")
        NOT_SIGNED = "not_signed", _("not in writing or not signed")

    claimant = models.CharField(_("person or body affected"), max_length=200)
    representative = models.CharField(
        _("legal representative or lawyer"), max_length=200, blank=True
    )
    claimant_address = models.TextField(_("postal address"), blank=True)
    claimant_email = models.EmailField(_("e-mail address"), blank=True)
    claims = models.TextField(
        _("factual claims contested"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_("The words of the content the demand contests, quoted."),
    )
    part = models.CharField(
        _("where the claim stands"),
        max_length=10,
        choices=CLAIM_PARTS,
        help_text=_(
            "The counter-statement is shown in the same place: under the headline, "
            "next to the lead, the text or the caption."
        ),
    )
    received_at = models.DateTimeField(_("received on"))
    channel = models.CharField(_("received by"), max_length=10, choices=Channel)
    written_and_signed = models.BooleanField(
        _("in writing and signed"),
        default=False,
        help_text=_(
            "Signed by the person affected or their legal representative (an "
            "e-mail or a copy is not enough)."
        ),
    )
    text = models.TextField(
        _("counter-statement demanded"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Word for word: it is published without changes."),
    )
    first_offered_at = models.DateTimeField(
        _("claim first offered"),
        help_text=_("When the contested text first went public."),
    )
    last_offered_at = models.DateTimeField(
        _("claim last offered"),
        null=True,
        blank=True,
        help_text=_("Empty while the text is still offered."),
    )
    outcome = models.CharField(
        _("decision"), max_length=15, choices=Outcome, blank=True, default=""
    )
    ground = models.CharField(
        _("legal ground of the refusal"), max_length=20, choices=Ground, blank=True
    )
    letter = models.TextField(_("letter to the person affected"), blank=True)
    court_order = models.CharField(
        _("court order"),
        max_length=300,
        blank=True,
        help_text=_("Court, date and file number."),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.OneToOneField(
        CorrectionNote,
        verbose_name=_("published counter-statement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="counter_statement_demand",
    )
    reply_note = models.OneToOneField(
        CorrectionNote,
        verbose_name=_("reply of the editors"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replied_demand",
    )

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("counter-statement demand")
        verbose_name_plural = _("counter-statement demands")
        indexes = [
            models.Index(fields=["outcome", "received_at"], name="demand_open_idx"),
            models.Index(
                fields=["content_type", "object_id"], name="demand_content_idx"
            ),
        ]

    def __str__(self):
        return _("Counter-statement demand of %(claimant)s") % {
            "claimant": self.claimant or _("(erased)")
        }

    @property
    def is_open(self) -> bool:
        return self.outcome == self.Outcome.OPEN


def document_path(document, filename: str) -> str:
    # Never the sender's own file name: it may name a person.
    import secrets
    from pathlib import PurePath

    suffix = PurePath(filename).suffix.lower()[:10]
    return f"gegendarstellungen/{document.demand_id}/{secrets.token_hex(12)}{suffix}"


class DemandDocument(models.Model):
    """A document of a demand (the signed letter, a power of attorney): stored
    where no web server serves it, given to editors by the admin only."""

    demand = models.ForeignKey(
        CounterStatementDemand,
        verbose_name=_("counter-statement demand"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    file = models.FileField(
        _("document"), storage=private_files, upload_to=document_path, max_length=200
    )
    name = models.CharField(_("name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.name


class PresseratComplaint(Case):
    """A complaint to the German Press Council about content, and its decision."""

    class Outcome(models.TextChoices):
        PENDING = "", _("pending")
        UNFOUNDED = "unfounded", _("unfounded")
        HINWEIS = "hinweis", _("note (Hinweis)")
        MISSBILLIGUNG = "missbilligung", _("disapproval (Missbilligung)")
        PUBLIC_REPRIMAND = "public_reprimand", _("public reprimand (öffentliche Rüge)")
        PRIVATE_REPRIMAND = (
            "private_reprimand",
            _("non-public reprimand (nicht öffentliche Rüge)"),
        )

    reference = models.CharField(_("file number"), max_length=50, blank=True)
    received_at = models.DateTimeField(_("complaint received"))
    subject = models.TextField(
        _("what the complaint says"),
        max_length=TEXT_MAX_LENGTH,
        help_text=_("Never public, whatever the decision."),
    )
    outcome = models.CharField(
        _("decision"), max_length=20, choices=Outcome, blank=True, default=""
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_text = models.TextField(
        _("the decision's text"),
        max_length=TEXT_MAX_LENGTH,
        blank=True,
        help_text=_(
            "For a public reprimand, what readers read: the facts that led to it "
            "and the principle of the Press Code it violated."
        ),
    )
    publish_due_at = models.DateTimeField(
        _("to be published by"), null=True, blank=True
    )
    note = models.OneToOneField(
        CorrectionNote,
        verbose_name=_("published reprimand"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reprimand_complaint",
    )

    class Meta:
        ordering = ["received_at", "pk"]
        verbose_name = _("Press Council complaint")
        verbose_name_plural = _("Press Council complaints")

    def __str__(self):
        return _("Press Council complaint %(reference)s") % {
            "reference": self.reference or f"#{self.pk}"
        }

    @property
    def awaits_publication(self) -> bool:
        return self.outcome == self.Outcome.PUBLIC_REPRIMAND and self.note_id is None


class PressLawStep(models.Model):
    """One step of a demand or a complaint: who, when, what, why."""

    class Action(models.TextChoices):
        RECORDED = "recorded", _("recorded")
        DOCUMENT = "document", _("document added")
        PUBLISHED = "published", _("published")
        COURT_ORDER = "court_order", _("published after a court order")
        REFUSED = "refused", _("refused")
        REPLY = "reply", _("reply published")
        OFFERED_NO_MORE = "offered_no_more", _("content no longer offered")
        DECIDED = "decided", _("decision recorded")
        PRIVACY = "privacy", _("privacy request")

    demand = models.ForeignKey(
        CounterStatementDemand,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="steps",
    )
    complaint = models.ForeignKey(
        PresseratComplaint,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="steps",
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("editor"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action)
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("step")
        verbose_name_plural = _("history")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(demand__isnull=True)
                ^ models.Q(complaint__isnull=True),
                name="press_law_step_of_one",
            )
        ]

    def __str__(self):
        return self.get_action_display()
