from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Article, ArticleVersion, Author, Section
from .purges import article_keys
from .surrogate import purge


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "bio"]
    search_fields = ["name"]


class ArticleVersionInline(admin.TabularInline):
    model = ArticleVersion
    fields = ["revision", "title", "valid_from", "replaced_at", "replaced_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "section",
        "status",
        "published_at",
        "language",
        "updated_at",
    ]
    list_filter = [
        "status",
        "section",
        "language",
        ("published_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["section"]
    search_fields = ["title", "kicker", "lead", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["authors"]
    actions = ["publish", "unpublish"]
    inlines = [ArticleVersionInline]
    view_on_site = True
    fieldsets = [
        (None, {"fields": ["kicker", "title", "slug", "lead", "body"]}),
        (
            _("Publishing"),
            {"fields": ["section", "authors", "language", "status", "published_at"]},
        ),
    ]

    def save_model(self, request, obj, form, change):
        obj.save(editor=request.user)  # recorded on the version this edit replaces

    @admin.action(description=_("Publish selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        count = 0
        for article in queryset.exclude(status=Article.Status.PUBLISHED):
            article.status = Article.Status.PUBLISHED
            article.published_at = article.published_at or timezone.now()
            article.save()
            count += 1
        self.message_user(
            request,
            ngettext("%d article was published.", "%d articles were published.", count)
            % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected articles"), permissions=["change"])
    def unpublish(self, request, queryset):
        published = queryset.filter(status=Article.Status.PUBLISHED)
        leaving = list(published.only("pk", "section_id"))
        count = published.update(status=Article.Status.DRAFT, updated_at=timezone.now())
        # update() sends no signals: the pages of these articles are purged here.
        purge(key for article in leaving for key in article_keys(article))
        self.message_user(
            request,
            ngettext(
                "%d article was moved back to drafts.",
                "%d articles were moved back to drafts.",
                count,
            )
            % count,
            messages.SUCCESS,
        )
