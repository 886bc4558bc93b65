from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "tests.hosts.wagtail_site.stories"
    label = "stories"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from correction_desk.registry import register

        from .adapters import StoryAdapter
        from .models import StoryPage

        register(StoryPage, StoryAdapter)
