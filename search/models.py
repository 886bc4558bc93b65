from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    """What the search finds: a public article, or a public correction note.

    Written on every save of what it mirrors, in the same transaction
    (search/index.py). Only published articles and their published notes have
    one; `visible_from` says when the public may see it, so that a scheduled
    article is found from the minute it goes live without another write.

    Each database indexes it its own way (search/backends.py): SQLite through an
    FTS5 table kept by triggers from the `*_terms` and `tags` columns,
    PostgreSQL through `vector`, a tsvector made with the article language's
    configuration.
    """

    class Kind(models.TextChoices):
        ARTICLE = "article", _("article")
        NOTE = "note", _("correction note")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="+"
    )
    note = models.OneToOneField(
        "correction_desk.CorrectionNote",
        null=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(max_length=5)
    section = models.ForeignKey(
        "articles.Section", on_delete=models.CASCADE, related_name="+"
    )
    published_at = models.DateTimeField()
    visible_from = models.DateTimeField()
    title = models.CharField(max_length=200)
    text = models.TextField()
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    tags = models.TextField(blank=True)
    vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["article"],
                condition=models.Q(note__isnull=True),
                name="search_one_entry_per_article",
            )
        ]
        indexes = [
            models.Index(
                fields=["language", "-published_at"], name="search_language_date_idx"
            ),
            # Entries not public yet: few, found at once (service.next_change).
            models.Index(fields=["visible_from"], name="search_visible_from_idx"),
        ]

    def __str__(self):
        return self.title
