from correction_desk.contrib.wagtail.adapters import PageAdapter


class StoryAdapter(PageAdapter):
    """A story's headline, its rich-text body and its picture's caption."""

    text_fields = {"title": "title", "body": "body", "caption": "caption"}
    rich_text_fields = ("body",)
