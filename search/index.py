"""Keeping the search entries in step with the articles and notes they mirror.

Receivers (connected in SearchConfig.ready()) write an article's entries in the
transaction that saves it, so the index never shows what the database does not
hold, and a save that rolls back leaves the index as it was. `rebuild()` writes
them all again (`manage.py rebuild_search_index`).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from articles.models import Article
from articles.text import html_to_text
from correction_desk.models import CorrectionNote

from .backends import search_backend
from .models import SearchDocument

PUBLISHED = Article.Status.PUBLISHED


def article_text(article) -> str:
    parts = [article.kicker, article.lead, html_to_text(article.body_html)]
    return "\n".join(part for part in parts if part)


def entries_for(article, notes, model=SearchDocument) -> list[SearchDocument]:
    """The entries an article should have now: none unless it is published.

    (`model` is the migration's own when it fills the index for the first time.)
    """
    if article.status != PUBLISHED or article.published_at is None:
        return []
    entries = [
        model(
            kind=SearchDocument.Kind.ARTICLE,
            article=article,
            language=article.language,
            section_id=article.section_id,
            published_at=article.published_at,
            visible_from=article.published_at,
            title=article.title,
            text=article_text(article),
        )
    ]
    for note in notes:
        if note.published_at is None or note.withdrawn_at is not None:
            continue
        entries.append(
            model(
                kind=SearchDocument.Kind.NOTE,
                article=article,
                note=note,
                language=article.language,
                section_id=article.section_id,
                published_at=note.published_at,
                visible_from=max(note.published_at, article.published_at),
                title=article.title,
                text=note.text,
            )
        )
    return entries


def write(article) -> None:
    """Replace the article's entries with what it and its notes say now."""
    notes = CorrectionNote.objects.about(article)
    with transaction.atomic():
        SearchDocument.objects.filter(article_id=article.pk).delete()
        search_backend().store(entries_for(article, notes))


def article_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        write(instance)


def note_changed(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    article = instance.content
    if isinstance(article, Article):
        write(article)


def _article_of(note, article_model):
    """The id of the article a note is on; None for other content. (The
    notes of the migration that first fills the index still name it.)"""
    if hasattr(note, "article_id"):
        return note.article_id
    if note.content_type_id != ContentType.objects.get_for_model(article_model).pk:
        return None
    return int(note.object_id)


def rebuild(
    batch_size: int = 500,
    *,
    models=(Article, CorrectionNote, SearchDocument),
    using="default",
) -> int:
    """Write every entry again; return how many there are now.

    (`models` are the migration's own when it fills the index the first time.)
    """
    article_model, note_model, entry_model = models
    backend = search_backend(using)
    with transaction.atomic(using=using):
        entry_model.objects.using(using).all().delete()
        notes: dict[int, list] = {}
        for note in note_model.objects.using(using).order_by("pk"):
            notes.setdefault(_article_of(note, article_model), []).append(note)
        # Oldest first: the newest entries get the highest numbers, which the
        # SQLite search ranks first among very many matches (backends.py).
        articles = (
            article_model.objects.using(using)
            .filter(status=PUBLISHED)
            .order_by("published_at", "pk")
        )
        pending = []
        for article in articles.iterator(chunk_size=batch_size):
            pending.extend(entries_for(article, notes.get(article.pk, []), entry_model))
            if len(pending) >= batch_size:
                backend.store(pending, entry_model, using)
                pending = []
        backend.store(pending, entry_model, using)
        return entry_model.objects.using(using).count()
