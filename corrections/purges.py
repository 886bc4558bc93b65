"""Which public pages go stale when a note or the policy changes."""

from articles import surrogate


def note_changed(sender, instance, **kwargs) -> None:
    surrogate.purge([f"article-{instance.article_id}", "corrections-log"])


def policy_changed(sender, instance, **kwargs) -> None:
    surrogate.purge(["policy"])


def article_changed(sender, instance, **kwargs) -> None:
    """An article with notes entering or leaving the public: the log changes."""
    from .models import CorrectionNote

    if CorrectionNote.objects.filter(article_id=instance.pk).exists():
        surrogate.purge(["corrections-log"])
