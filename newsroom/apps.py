from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class NewsroomAdminConfig(AdminConfig):
    default_site = "newsroom.admin.NewsroomAdminSite"


class NewsroomConfig(AppConfig):
    """The project's own app: where it wires its apps together.

    Our articles on the corrections desk (newsroom/desk.py): neither app knows
    the other, this one knows both.
    """

    name = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from django.db.models.signals import post_save

        from articles import structured_data, views
        from articles.models import Article
        from correction_desk.registry import register

        from . import desk, desk_admin

        register(Article, desk.ArticleAdapter)
        post_save.connect(desk.version_stored, sender="articles.ArticleVersion")
        post_save.connect(desk.article_stored, sender="articles.Article")
        desk_admin.register()
        structured_data.ADDITIONS.append(desk.corrections_in_article_data)
        views.PAGE_LINKS.append(desk.memento_links)
