from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class StoryPage(Page):
    """A news story: a picture with its caption, and a rich-text body."""

    picture = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    caption = models.CharField(max_length=300, blank=True)
    body = RichTextField()

    content_panels = [
        *Page.content_panels,
        FieldPanel("picture"),
        FieldPanel("caption"),
        FieldPanel("body"),
    ]
