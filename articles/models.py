from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from newsroom.kept_urls import reverse

from . import pictures
from .markdown import render_markdown
from .slugs import unique_slug
from .text import reader_text


class Section(models.Model):
    """A desk of the newsroom (Ressort), such as politics or business."""

    # name and description have a text per language (articles/translation.py).
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.CharField(
        _("description"),
        max_length=300,
        blank=True,
        help_text=_("One sentence under the section's name, on its page."),
    )
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

    def bio_language(self) -> str:
        """The language the bio is shown in: the page's, or German where it
        has no translation yet (modeltranslation's fallback)."""
        language = translation.get_language() or settings.LANGUAGE_CODE
        if getattr(self, f"bio_{language}", ""):
            return language
        return settings.LANGUAGE_CODE


class Picture(models.Model):
    """A picture for articles, with what readers read of it (articles/pictures.py)."""

    image = models.ImageField(
        _("picture"),
        upload_to="bilder/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[pictures.check_upload],
        help_text=_(
            "JPEG, PNG, WebP or AVIF. Location data and other metadata are removed."
        ),
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    alt_text = models.CharField(
        _("alt text"),
        max_length=300,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = models.TextField(
        _("caption"),
        max_length=600,
        blank=True,
        help_text=_("Who or what is shown, where and when. Readers can report it."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=200,
        help_text=_('Who made it, e.g. "Photo: Anna Example".'),
    )
    renditions = models.JSONField(default=dict, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")

    def __str__(self):
        return self.caption[:60] or self.alt_text[:60]

    def make_renditions(self) -> None:
        # update(), not save(): the renditions are derived from the file, and
        # what readers see changes through the articles, saved after this.
        old, self.renditions = self.renditions, pictures.make_renditions(self)
        Picture.objects.filter(pk=self.pk).update(renditions=self.renditions)
        transaction.on_commit(lambda: pictures.delete_renditions(old))

    def shown_in(self):
        return Article.objects.filter(
            models.Q(lead_picture=self) | models.Q(body__contains=f"(bild:{self.pk})")
        )


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
        """Return what an article page needs."""
        return self.for_listing().select_related("lead_picture", "translation")


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    # What a reader reads; changing one after publication makes a new revision.
    READER_VISIBLE_FIELDS = ("title", "lead", "body", "picture_text")

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
    lead_picture = models.ForeignKey(
        Picture,
        verbose_name=_("lead picture"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_of",
        help_text=_(
            "Shown under the lead. Pictures in the body: a line of its own with "
            "![](bild:12), 12 being the picture's number."
        ),
    )
    lead_picture_html = models.TextField(editable=False, blank=True)
    picture_text = models.TextField(
        _("captions and credits"),
        editable=False,
        blank=True,
        help_text=_("Of the lead picture and those in the body, as readers see them."),
    )
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
    # Kept on both articles: each one's page links to the other.
    translation = models.OneToOneField(
        "self",
        verbose_name=_("translation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "The same article in the other language. Linked on both, "
            "and shown on both pages."
        ),
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

    def get_absolute_url(self):
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.translation_id and self.translation_id == self.pk:
            raise ValidationError(
                {"translation": _("An article cannot be its own translation.")}
            )
        if self.translation is not None and self.translation.language == self.language:
            raise ValidationError(
                {"translation": _("The translation must be in another language.")}
            )

    def canonical_path(self) -> str:
        """The article's address in its own language (German at /, English /en/)."""
        return reverse(
            "articles:detail", kwargs={"slug": self.slug}, language=self.language
        )

    @property
    def is_public(self) -> bool:
        """Return True if the public may read this article now."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def pictures_shown(self) -> list["Picture"]:
        """The pictures the article shows, the lead picture first."""
        ids = pictures.body_picture_ids(self.body)
        wanted = [self.lead_picture_id, *ids] if self.lead_picture_id else ids
        found = Picture.objects.in_bulk(set(wanted)) if wanted else {}
        return [found[pk] for pk in dict.fromkeys(wanted) if pk in found]

    def text_readers_read(self) -> str:
        """What readers read of the article as it stands here, saved or not:
        headline, lead, body and its pictures' captions and credits."""
        self.render_pictures()
        return reader_text(*(getattr(self, f) for f in self.READER_VISIBLE_FIELDS))

    def render_pictures(self) -> None:
        """The body's HTML with its pictures, the lead picture's, their text."""
        ids = pictures.body_picture_ids(self.body)
        wanted = set(ids) | ({self.lead_picture_id} if self.lead_picture_id else set())
        found = Picture.objects.in_bulk(wanted) if wanted else {}
        body = render_markdown(pictures.with_placeholders(self.body))
        self.body_html = pictures.put_pictures(body, found)
        lead = found.get(self.lead_picture_id)
        self.lead_picture_html = pictures.picture_html(lead, lead=True) if lead else ""
        shown = [lead] if lead else []
        shown += [
            found[pk]
            for pk in dict.fromkeys(ids)
            if pk in found and pk != self.lead_picture_id
        ]
        self.picture_text = pictures.picture_text(shown)


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
    # As readers saw it, kept so that comparing versions renders no Markdown.
    body_html = models.TextField(editable=False, blank=True)
    picture_text = models.TextField(_("captions and credits"), blank=True)
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
    minor = models.BooleanField(
        _("minor change"),
        default=False,
        help_text=_(
            "The change that replaced this version was a minor one: spelling, "
            "punctuation or formatting."
        ),
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
