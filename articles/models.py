from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .markdown import render_markdown
from .slugs import unique_slug
from .text import reader_text


class Section(models.Model):
    """A desk of the newsroom (Ressort), such as politics or business."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Sections are listed by this number.")
    )
    desk_email = models.EmailField(
        _("desk e-mail address"),
        blank=True,
        help_text=_(
            "New reader reports on this section's articles go here. "
            "Empty: the newsroom's general desk address."
        ),
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:section", kwargs={"slug": self.slug})


class Author(models.Model):
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=160,
        unique=True,
        blank=True,
        help_text=_("Part of the address. Filled in from the name when empty."),
    )
    bio = models.CharField(
        _("short biography"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences shown under the article."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            others = Author.objects.exclude(pk=self.pk)
            self.slug = unique_slug(
                self.name, lambda s: others.filter(slug=s).exists(), max_length=160
            )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("articles:author", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Return articles the public may read: published, and not scheduled."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__lte=timezone.now()
        )

    def next_publication(self):
        """When the next of these scheduled articles goes live, if any is."""
        return (
            self.filter(
                status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
            )
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )

    def for_listing(self):
        """Return what a list of teasers needs, in a fixed number of queries."""
        return self.select_related("section").prefetch_related("authors")

    def for_page(self):
        """Return what an article page needs, its published correction notes too."""
        notes = self.model._meta.get_field("correction_notes").related_model
        return self.for_listing().prefetch_related(
            models.Prefetch(
                "correction_notes",
                queryset=notes.objects.published(),
                to_attr="public_notes",
            )
        )


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    # What a reader reads; changing one after publication makes a new revision.
    READER_VISIBLE_FIELDS = ("title", "lead", "body")

    kicker = models.CharField(
        _("kicker"),
        max_length=100,
        blank=True,
        help_text=_("The short line above the headline (Dachzeile)."),
    )
    title = models.CharField(_("headline"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        blank=True,
        help_text=_("Part of the address. Filled in from the headline when empty."),
    )
    lead = models.TextField(
        _("lead"), help_text=_("The opening paragraph, in plain text.")
    )
    body = models.TextField(
        _("body"),
        help_text=_("Markdown: ## for subheadings, - for lists, > for quotes."),
    )
    body_html = models.TextField(editable=False, blank=True)
    section = models.ForeignKey(
        Section,
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    authors = models.ManyToManyField(
        Author, verbose_name=_("authors"), related_name="articles"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_("A time in the future schedules the article."),
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="de"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    revision = models.PositiveIntegerField(
        _("revision"),
        default=1,
        editable=False,
        help_text=_("Counts changes to headline, lead or body after publication."),
    )
    revised_at = models.DateTimeField(_("revised at"), null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(
                fields=["status", "-published_at"], name="article_status_pub_idx"
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="published")
                | models.Q(published_at__isnull=False),
                name="article_published_has_date",
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, editor=None, **kwargs):
        """Save; a text change readers will notice keeps the version it replaces.

        `editor` is recorded on that version as the one who changed the text.
        """
        if not self.slug:
            others = Article.objects.exclude(pk=self.pk)
            self.slug = unique_slug(
                self.title, lambda s: others.filter(slug=s).exists(), max_length=200
            )
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        self.body_html = render_markdown(self.body)
        # The previous version and the change are stored together, or neither is.
        with transaction.atomic():
            previous = self._version_readers_saw(editor)
            if previous is not None:
                self.revision = previous.revision + 1
                self.revised_at = previous.replaced_at
            super().save(*args, **kwargs)
            if previous is not None:
                previous.save()

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def canonical_path(self) -> str:
        """The article's address in its own language (German at /, English /en/)."""
        with translation.override(self.language):
            return self.get_absolute_url()

    @property
    def is_public(self) -> bool:
        """Return True if the public may read this article now."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def _version_readers_saw(self, editor) -> "ArticleVersion | None":
        """Return the version this save replaces, if readers saw it and will notice.

        Only headline, lead and body count, and only changes to their words:
        spacing or Markdown formatting alone does not make a new version.
        """
        if self.pk is None:
            return None
        stored = (
            Article.objects.select_for_update()
            .filter(pk=self.pk)
            .values(
                "status",
                "published_at",
                "revision",
                "revised_at",
                *self.READER_VISIBLE_FIELDS,
            )
            .first()
        )
        if stored is None or stored["status"] != self.Status.PUBLISHED:
            return None
        if stored["published_at"] is None or stored["published_at"] > timezone.now():
            return None
        before = reader_text(stored["title"], stored["lead"], stored["body"])
        if before == reader_text(self.title, self.lead, self.body):
            return None
        return ArticleVersion(
            article=self,
            revision=stored["revision"],
            title=stored["title"],
            lead=stored["lead"],
            body=stored["body"],
            valid_from=stored["revised_at"] or stored["published_at"],
            replaced_at=timezone.now(),
            replaced_by=editor,
        )


class ArticleVersion(models.Model):
    """An earlier text of a published article, kept when the text changed."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    revision = models.PositiveIntegerField(_("revision"))
    title = models.CharField(_("headline"), max_length=200)
    lead = models.TextField(_("lead"))
    body = models.TextField(_("body"))
    valid_from = models.DateTimeField(_("shown from"))
    replaced_at = models.DateTimeField(_("replaced at"))
    replaced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    correction_note = models.ForeignKey(
        "corrections.CorrectionNote",
        verbose_name=_("correction note"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="versions",
        help_text=_("The published correction this change belongs to, if any."),
    )

    class Meta:
        ordering = ["article", "revision"]
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "revision"], name="version_unique_revision"
            )
        ]

    def __str__(self):
        return f"{self.article} ({self.revision})"
