"""The transparency log's tables: its records, its tree's hashes, its signed
checkpoints. Only `transparency.log` writes them, and only by appending."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

# Loaded at the end of correction_desk.models, after what is used here.
from correction_desk.models import AboutContent


class LogRecordQuerySet(AboutContent, models.QuerySet):
    pass


class LogRecord(models.Model):
    """One record of the log (a leaf of its tree): `data` is what is hashed."""

    class Kind(models.TextChoices):
        VERSION = "version", _("public version")
        NOTE_PUBLISHED = "note-published", _("note published")
        NOTE_AMENDED = "note-amended", _("note amended")
        NOTE_WITHDRAWN = "note-withdrawn", _("note withdrawn")
        REMOVED = "removed", _("left the public")
        RESTORED = "restored", _("public again")

    class Reason(models.TextChoices):
        UNPUBLISHED = "unpublished", _("unpublished")
        DELETED = "deleted", _("deleted")
        COURT_ORDER = "court-order", _("court order")
        ERASURE = "erasure", _("erasure request")
        REPUBLISHED = "republished", _("published again")

    index = models.PositiveBigIntegerField(_("number in the log"), primary_key=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+"
    )
    # Kept when the content is deleted: the log outlives what it names.
    object_id = models.CharField(max_length=64)
    note_id = models.PositiveBigIntegerField(null=True, blank=True)
    url = models.URLField(_("address"), max_length=2000)
    # The version's number; for a note, its step (1 published, 2… each change).
    number = models.PositiveIntegerField(_("version"))
    at = models.DateTimeField(_("time"))
    # SHA-256 of the text as published (normalised: `leaves.canonical_text`).
    text_sha256 = models.CharField(_("SHA-256 of the text"), max_length=64, blank=True)
    reason = models.CharField(
        _("reason"), max_length=20, choices=Reason.choices, blank=True
    )
    data = models.TextField(_("record"))
    # RFC 6962's leaf hash of `data`, for a proof asked for by hash.
    leaf_hash = models.CharField(max_length=64, db_index=True)

    objects = LogRecordQuerySet.as_manager()

    class Meta:
        ordering = ["index"]
        verbose_name = _("log record")
        verbose_name_plural = _("transparency log")
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="log_content_idx"),
            models.Index(fields=["text_sha256"], name="log_text_idx"),
        ]
        constraints = [
            # Appending is idempotent: a version or a note's step is logged once.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "number"],
                condition=models.Q(kind="version"),
                name="log_version_once",
            ),
            models.UniqueConstraint(
                fields=["note_id", "number"],
                condition=models.Q(note_id__isnull=False),
                name="log_note_step_once",
            ),
        ]

    def __str__(self):
        return f"#{self.index} {self.get_kind_display()}: {self.url}"


class LogHash(models.Model):
    """A stored hash of the tree, at Go tlog's `StoredHashIndex`."""

    index = models.PositiveBigIntegerField(primary_key=True)
    hash = models.BinaryField(max_length=32)

    def __str__(self):
        return f"{self.index}: {bytes(self.hash).hex()}"


class LogHead(models.Model):
    """The log's size: one row, locked by every append so that indexes follow
    one another with no gap and no twice-used number."""

    size = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return str(self.size)


class Checkpoint(models.Model):
    """A signed checkpoint (C2SP tlog-checkpoint in a signed note)."""

    size = models.PositiveBigIntegerField(_("records"), unique=True)
    root_hash = models.BinaryField(max_length=32)
    note = models.TextField(_("signed checkpoint"))
    # The verifier key that checks it (a rotated key leaves its old ones valid).
    verifier = models.CharField(_("verifier key"), max_length=300)
    signed_at = models.DateTimeField(_("signed at"))

    class Meta:
        ordering = ["-size"]
        verbose_name = _("checkpoint")
        verbose_name_plural = _("checkpoints")

    def __str__(self):
        return f"{self.size}"
