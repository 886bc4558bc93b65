import os
import secrets
from datetime import datetime, timedelta
from io import StringIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from articles.demo_content import (
    AUTHORS,
    DEMO_CORRECTION,
    DEMO_COUNTER_STATEMENT,
    DEMO_REPORTS,
    SECTIONS,
    demo_articles,
)
from articles.demo_pictures import demo_picture
from articles.markdown import render_markdown
from articles.models import Article, Author, Section
from articles.services import article_save
from articles.slugs import slugify_german
from correction_desk.models import CorrectionNote, CorrectionNoteChange, Report
from correction_desk.services import correction_publish
from correction_desk.transparency import log as transparency_log
from pagecache.purging import purge_everything

EDITOR_USERNAME = "redaktion"
EDITORS_GROUP = "Redaktion"
# The editor in charge: what the desk does, and privacy requests, partner
# webhooks, and being the second editor under the four-eyes rule.
CHIEF_USERNAME = "cvd"
CHIEF_GROUP = "Chef vom Dienst"
CHIEF_PERMISSIONS = [
    ("correction_desk", "view_reporter_email"),
    ("correction_desk", "add_partnerendpoint"),
    ("correction_desk", "change_partnerendpoint"),
    ("correction_desk", "view_partnerendpoint"),
    ("correction_desk", "view_webhookdelivery"),
    # Deciding on counter-statements and publishing Press Council reprimands.
    ("correction_desk", "change_counterstatementdemand"),
    ("correction_desk", "change_presseratcomplaint"),
]


class Command(BaseCommand):
    help = gettext_lazy(
        "Load the demo sections, articles and editor account (safe to run again)."
    )

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                gettext("load_demo is for development sites only (DEBUG is off).")
            )
        # The demo replays history and dates it afterwards: the transparency
        # log starts once it is told, oldest first, with the dates it ended with.
        with transparency_log.paused(), transaction.atomic():
            count = self.load_articles()
            self.load_reports()
            password = self.ensure_editor()
            chief_password = self.ensure_chief()
            self.load_correction()
            self.load_counter_statement_demand()
            # Some rows were written with update(), which no receiver hears.
            call_command("rebuild_search_index", stdout=StringIO())
        transparency_log.catch_up()
        purge_everything()
        self.stdout.write(
            self.style.SUCCESS(
                gettext("Demo content ready: %(count)d articles.") % {"count": count}
            )
        )
        if password:
            self.stdout.write(
                gettext(
                    "Editor '%(username)s' created with password: %(password)s\n"
                    "It is shown only this once; set NEWSROOM_DEMO_PASSWORD to choose "
                    "it."
                )
                % {"username": EDITOR_USERNAME, "password": password}
            )
        if chief_password:
            self.stdout.write(
                gettext(
                    "Editor in charge '%(username)s' (Chef vom Dienst: privacy "
                    "requests, partner webhooks, second editor under the four-eyes "
                    "rule) created with password: %(password)s"
                )
                % {"username": CHIEF_USERNAME, "password": chief_password}
            )

    def load_articles(self) -> int:
        sections = {}
        for order, (slug, texts) in enumerate(SECTIONS.items()):
            name_de, name_en, description_de, description_en = texts
            sections[slug], _ = Section.objects.update_or_create(
                slug=slug,
                defaults={
                    "name_de": name_de,
                    "name_en": name_en,
                    "description_de": description_de,
                    "description_en": description_en,
                    "order": order,
                },
            )
        authors = {}
        for name, (bio_de, bio_en) in AUTHORS.items():
            authors[name], _ = Author.objects.update_or_create(
                name=name, defaults={"bio_de": bio_de, "bio_en": bio_en}
            )
        demos = demo_articles()
        by_number = {}
        for demo in demos:
            slug = slugify_german(demo.title)
            article = Article.objects.filter(slug=slug).first() or Article(slug=slug)
            article.section = sections[demo.section]
            article.kicker, article.title = demo.kicker, demo.title
            article.lead, article.body = demo.lead, demo.body
            article.language = demo.language
            article.status = Article.Status.PUBLISHED
            article.published_at = demo.published_at
            article.lead_picture = demo_picture(demo.number)
            by_number[demo.number] = article_save(article)
            article.authors.set([authors[name] for name in demo.authors])
        for demo in demos:
            if demo.translation_of:
                article = by_number[demo.number]
                article.translation = by_number[demo.translation_of]
                article_save(article)
        return len(demos)

    def load_reports(self) -> None:
        """Seed the editors' queue with a few reader reports, once."""
        now = timezone.now()
        for slug, hours_ago, fields in DEMO_REPORTS:
            article = Article.objects.get(slug=slug)
            reports = Report.objects.about(article)
            if reports.filter(description=fields["description"]).exists():
                continue
            report = Report.objects.create(
                content=article,
                desk=article.section.slug,
                article_revision=article.revision,
                due_at=now - timedelta(hours=hours_ago - 48),
                **fields,
            )
            # Received some time ago, so that the queue shows ages and one is overdue.
            Report.objects.filter(pk=report.pk).update(
                created_at=now - timedelta(hours=hours_ago)
            )

    def load_correction(self) -> None:
        """Replay one correction: first text, reader report, fix, published note."""
        demo = DEMO_CORRECTION
        article = Article.objects.get(slug=demo["slug"])
        if CorrectionNote.objects.about(article).exists():
            return
        editor = get_user_model().objects.get(username=EDITOR_USERNAME)
        corrected_at = timezone.make_aware(
            datetime.strptime(demo["corrected_at"], "%Y-%m-%d %H:%M")
        )
        first_text = article.body.replace(demo["right"], demo["wrong"])
        Article.objects.filter(pk=article.pk).update(
            body=first_text, body_html=render_markdown(first_text)
        )
        report = Report.objects.create(
            content=article,
            desk=article.section.slug,
            article_revision=article.revision,
            **demo["report"],
        )
        article.refresh_from_db()
        article.body = first_text.replace(demo["wrong"], demo["right"])
        article_save(article, editor=editor)
        note = correction_publish(
            content=article,
            editor=editor,
            kind="correction",
            text=demo["note"],
            reports=[report],
        )
        # As if it happened the morning after publication, not today.
        type(note).objects.filter(pk=note.pk).update(published_at=corrected_at)
        CorrectionNoteChange.objects.filter(note=note).update(created_at=corrected_at)
        article.versions.update(replaced_at=corrected_at)
        Article.objects.filter(pk=article.pk).update(revised_at=corrected_at)
        report.decisions.update(created_at=corrected_at)
        Report.objects.filter(pk=report.pk).update(
            created_at=corrected_at - timedelta(hours=14), resolved_at=corrected_at
        )

    def load_counter_statement_demand(self) -> None:
        """One demand waiting at the top of the queue, once."""
        from correction_desk.press_law.models import CounterStatementDemand
        from correction_desk.press_law.services import demand_record

        fields = dict(DEMO_COUNTER_STATEMENT)
        article = Article.objects.get(slug=fields.pop("slug"))
        if CounterStatementDemand.objects.about(article).exists():
            return
        hours_ago = fields.pop("hours_ago")
        demand_record(
            content=article,
            editor=get_user_model().objects.get(username=EDITOR_USERNAME),
            received_at=timezone.now() - timedelta(hours=hours_ago),
            **fields,
        )

    def ensure_editor(self) -> str | None:
        """Create the editor account; return its password if one was generated."""
        group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
        return self.ensure_account(EDITOR_USERNAME, [group])

    def ensure_chief(self) -> str | None:
        """Create the editor in charge, a member of the editors' group too."""
        editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
        chief, _ = Group.objects.get_or_create(name=CHIEF_GROUP)
        chief.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="correction_desk",
                codename__in=[codename for _app, codename in CHIEF_PERMISSIONS],
            )
        )
        return self.ensure_account(CHIEF_USERNAME, [editors, chief])

    def ensure_account(self, username: str, groups) -> str | None:
        """A staff account in `groups`; its password if one was generated."""
        wanted = os.environ.get("NEWSROOM_DEMO_PASSWORD")
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=username, defaults={"is_staff": True}
        )
        generated = None
        if wanted:
            user.set_password(wanted)
        elif created:
            generated = secrets.token_urlsafe(12)
            user.set_password(generated)
        user.is_staff = True
        user.save()
        user.groups.add(*groups)
        return generated
