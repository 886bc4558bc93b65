from django.conf import settings
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from .models import Article, Section


def can_preview(request) -> bool:
    """Return True if the visitor may see drafts and scheduled articles.

    An anonymous reader has no session cookie, and then the session is not touched:
    touching it would add `Vary: Cookie` and make public pages uncacheable.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_staff and request.user.has_perm("articles.view_article")


class ArticleListView(ListView):
    template_name = "articles/front.html"
    context_object_name = "articles"
    paginate_by = settings.NEWSROOM_ARTICLES_PER_PAGE

    def get_queryset(self):
        return Article.objects.published().for_listing()


class SectionView(ArticleListView):
    template_name = "articles/section.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section, current_section=self.section, **kwargs
        )


class ArticleDetailView(DetailView):
    context_object_name = "article"

    def get_queryset(self):
        articles = (
            Article.objects
            if can_preview(self.request)
            else Article.objects.published()
        )
        return articles.for_page()

    def get_context_data(self, **kwargs):
        return super().get_context_data(current_section=self.object.section, **kwargs)
