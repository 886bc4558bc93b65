"""Which pages go stale when something of articles' is saved or deleted.

Signal receivers, connected in ArticlesConfig.ready(); corrections connects its
own models the same way (correction_desk/record/purges.py).
"""

from . import surrogate
from .models import Article


def article_keys(article, *, section_before=None) -> list[str]:
    keys = [f"article-{article.pk}", f"section-{article.section_id}", "front"]
    if section_before and section_before != article.section_id:
        keys.append(f"section-{section_before}")  # it left that section's list
    return keys


def remember_section(sender, instance, **kwargs) -> None:
    """Before a save: the section the article was in, if it moves."""
    if instance.pk:
        instance._section_before = (
            Article.objects.filter(pk=instance.pk)
            .values_list("section_id", flat=True)
            .first()
        )


def article_changed(sender, instance, **kwargs) -> None:
    before = getattr(instance, "_section_before", None)
    # Its authors' pages list it (their own key, not author-N, which every article
    # page of theirs carries for the bio).
    authors = [
        f"author-list-{pk}"
        for pk in Article.authors.through.objects.filter(
            article_id=instance.pk
        ).values_list("author_id", flat=True)
    ]
    # A translation's page shows this article's title and notes, and carries its
    # key (ArticleDetailView); one just linked does not carry it yet.
    linked = [f"article-{instance.translation_id}"] if instance.translation_id else []
    surrogate.purge([*article_keys(instance, section_before=before), *authors, *linked])


def authors_changed(sender, instance, action, pk_set=None, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if isinstance(instance, Article):
        surrogate.purge(
            [f"article-{instance.pk}", *(f"author-list-{pk}" for pk in pk_set or ())]
        )
    else:  # changed from the author's side; article pages carry author keys
        surrogate.purge(
            [f"author-{instance.pk}", *(f"article-{pk}" for pk in pk_set or ())]
        )


def section_changed(sender, instance, **kwargs) -> None:
    # Every page's navigation names the sections.
    surrogate.purge(["sections", f"section-{instance.pk}"])


def author_changed(sender, instance, **kwargs) -> None:
    surrogate.purge([f"author-{instance.pk}"])
