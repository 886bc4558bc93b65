from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.models import Article

PASSAGE_MAX_LENGTH = 1000
CONTEXT_MAX_LENGTH = 100
DESCRIPTION_MAX_LENGTH = 5000
SUGGESTION_MAX_LENGTH = 5000
SOURCE_URL_MAX_LENGTH = 500


class Report(models.Model):
    """A reader's report of a possible error in an article."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_REVIEW = "in_review", _("in review")
        CORRECTED = "corrected", _("corrected")
        FIXED_SILENTLY = "fixed_silently", _("fixed silently")
        REJECTED = "rejected", _("rejected")
        DUPLICATE = "duplicate", _("duplicate")
        SPAM = "spam", _("spam")

    class SpamReason(models.TextChoices):
        NONE = "", _("none")
        HONEYPOT = "honeypot", _("hidden field filled in")
        TOO_FAST = "too_fast", _("sent too fast after the page was shown")
        BAD_STAMP = "bad_stamp", _("form stamp forged or expired")

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.PROTECT,
        related_name="reports",
    )
    passage = models.TextField(_("passage"), max_length=PASSAGE_MAX_LENGTH, blank=True)
    context_before = models.CharField(
        _("text before the passage"), max_length=CONTEXT_MAX_LENGTH, blank=True
    )
    context_after = models.CharField(
        _("text after the passage"), max_length=CONTEXT_MAX_LENGTH, blank=True
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
    reporter_name = models.CharField(_("name"), max_length=100, blank=True)
    reporter_email = models.EmailField(_("e-mail address"), blank=True)
    consent_at = models.DateTimeField(
        _("consent given at"),
        null=True,
        blank=True,
        help_text=_("When the reader agreed that we keep the e-mail address."),
    )
    language = models.CharField(
        _("page language"), max_length=5, choices=settings.LANGUAGES, default="de"
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
    # A keyed hash of the address (see corrections.clients), never the address.
    client_hash = models.CharField(_("client fingerprint"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            models.Index(
                fields=["status", "created_at"], name="report_status_created_idx"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reporter_email="")
                | models.Q(consent_at__isnull=False),
                name="report_email_needs_consent",
            )
        ]

    def __str__(self):
        return _("Report #%(number)s on “%(article)s”") % {
            "number": self.pk,
            "article": self.article.title,
        }
