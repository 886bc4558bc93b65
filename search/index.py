"""Keeping the search entries in step with the articles and notes they mirror.

Receivers (connected in SearchConfig.ready()) write an article's entries in the
transaction that saves it, so the index never shows what the database does not
hold, and a save that rolls back leaves the index as it was. `rebuild()` writes
them all again (`manage.py rebuild_search_index`).
"""

from django.db import transaction

from articles.models import Article
from articles.text import html_to_text
from corrections.models import CorrectionNote

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
    notes = CorrectionNote.objects.filter(article_id=article.pk)
    with transaction.atomic():
        SearchDocument.objects.filter(article_id=article.pk).delete()
        search_backend().store(entries_for(article, notes))


def article_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        write(instance)


def note_changed(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    article = Article.objects.filter(pk=instance.article_id).first()
    if article is not None:
        write(article)


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
            notes.setdefault(note.article_id, []).append(note)
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
