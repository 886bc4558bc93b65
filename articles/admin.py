from django.contrib import admin, messages
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from . import services
from .models import Article, ArticleVersion, Author, Picture, Section
from .services import article_publish, article_unpublish


class ThroughServices:
    """Saves and deletions in the admin go through the services, which purge
    the pages that show what changed (articles/services.py)."""

    save_service = delete_service = None

    def save_model(self, request, obj, form, change):
        self.save_service(obj)

    def delete_model(self, request, obj):
        self.delete_service(obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                self.delete_service(obj)


@admin.register(Section)
class SectionAdmin(ThroughServices, TranslationAdmin):
    """Name and description in each language, side by side (articles/translation.py)."""

    save_service = staticmethod(services.section_save)
    delete_service = staticmethod(services.section_delete)
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name_de"]}


@admin.register(Author)
class AuthorAdmin(ThroughServices, TranslationAdmin):
    """The bio in each language, side by side (articles/translation.py)."""

    save_service = staticmethod(services.author_save)
    delete_service = staticmethod(services.author_delete)
    list_display = ["name", "bio"]
    search_fields = ["name"]


@admin.register(Picture)
class PictureAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "number", "caption", "credit", "uploaded_at"]
    list_display_links = ["thumbnail", "number"]
    search_fields = ["caption", "credit", "alt_text"]
    readonly_fields = ["number", "preview", "size", "how_to_place"]
    fields = [
        "image",
        "preview",
        "alt_text",
        "caption",
        "credit",
        "size",
        "how_to_place",
    ]

    @admin.display(description=_("number"), ordering="pk")
    def number(self, picture):
        return picture.pk

    @admin.display(description=_("preview"))
    def thumbnail(self, picture):
        return self._smallest(picture, width=120, alt="")

    @admin.display(description=_("preview"))
    def preview(self, picture):
        return self._smallest(picture, alt=picture.alt_text)

    @staticmethod
    def _smallest(picture, *, alt, width=None):
        """The smallest JPEG rendition, at `width` or its own."""
        sizes = picture.renditions.get("jpeg") or []
        if not sizes:
            return "–"
        own, name = sizes[0]
        width = width or own
        return format_html(
            '<img src="{}" alt="{}" width="{}" height="{}" loading="lazy" '
            'style="max-width: 100%; height: auto">',
            default_storage.url(name), alt, width,
            round(width * picture.height / max(picture.width, 1)),
        )  # fmt: skip

    @admin.display(description=_("size"))
    def size(self, picture):
        return f"{picture.width} × {picture.height} px" if picture.width else "–"

    @admin.display(description=_("in an article's body"))
    def how_to_place(self, picture):
        if not picture.pk:
            return "–"
        return format_html("<code>![](bild:{})</code>", picture.pk)

    def save_model(self, request, obj, form, change):
        # Articles showing it are saved again; a changed caption is recorded as
        # this editor's change to each of them.
        services.picture_save(obj, editor=request.user)


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
class ArticleAdmin(ThroughServices, admin.ModelAdmin):
    delete_service = staticmethod(services.article_delete)
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
    autocomplete_fields = ["authors", "lead_picture", "translation"]
    actions = ["publish", "unpublish"]
    inlines = [ArticleVersionInline]
    view_on_site = True
    fieldsets = [
        (
            None,
            {"fields": ["kicker", "title", "slug", "lead", "lead_picture", "body"]},
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "section",
                    "authors",
                    "language",
                    "translation",
                    "status",
                    "published_at",
                ]
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        # The editor is recorded on the version this edit replaces.
        services.article_save(obj, editor=request.user)

    def save_related(self, request, form, formsets, change):
        article = form.instance
        before = set(article.authors.values_list("pk", flat=True))
        super().save_related(request, form, formsets, change)
        services.article_authors_changed(article, before)

    @admin.action(description=_("Publish selected articles"), permissions=["change"])
    def publish(self, request, queryset):
        with transaction.atomic():
            count = sum(
                article_publish(article=article, editor=request.user)
                for article in queryset.exclude(status=Article.Status.PUBLISHED)
            )
        self.message_user(
            request,
            ngettext("%d article was published.", "%d articles were published.", count)
            % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected articles"), permissions=["change"])
    def unpublish(self, request, queryset):
        with transaction.atomic():
            count = sum(
                article_unpublish(article=article, editor=request.user)
                for article in queryset.filter(status=Article.Status.PUBLISHED)
            )
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
