"""WebSub for the articles' feeds: a public article changed, its feeds' hub hears.

The feeds and the hub client are the site's (newsroom/websub.py)."""

from newsroom.websub import *  # noqa: F403
from newsroom.websub import ping_later, topics


def article_saved(sender, instance, **kwargs) -> None:
    """A public article changed: its edition's feed and its section's."""
    if not instance.is_public:
        return
    slug = [instance.section.slug]
    ping_later(
        topics(
            instance.language,
            ("articles:feed", []),
            ("articles:feed-atom", []),
            ("articles:section-feed", slug),
            ("articles:section-feed-atom", slug),
        )
    )
