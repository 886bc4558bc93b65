"""Reports and notes of a database from before the desk reached any content.

Until then the desk was a project app (`corrections`) whose reports and notes
pointed to our articles with a foreign key, and each earlier article version
pointed to the note its change belonged to. A database from then is brought to
the desk's schema here, by the steps that once did it in the app's own history
(its migrations 0024 and 0025), on its tables under their old names; then the
note keeps which versions it stands for (`compare_from`), and the desk's 0002
gives the tables their new names. A database made since has nothing to convert.
"""

import django.db.models.deletion
from django.db import migrations, models
from django.db.migrations.state import ProjectState
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast

DESK = "correction_desk"
OLD_LABEL = "corrections"


def to_content(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in ("Report", "CorrectionNote"):
        model = apps.get_model(DESK, name)
        target = model._meta.get_field("article").related_model
        content_type, _ = ContentType.objects.get_or_create(
            app_label=target._meta.app_label, model=target._meta.model_name
        )
        of_row = target.objects.filter(pk=OuterRef("article_id"))
        changes = {
            "content_type_id": content_type.pk,
            "object_id": Cast("article_id", CharField()),
            "desk": Subquery(of_row.values("section__slug")[:1]),
        }
        if name == "CorrectionNote":
            changes["language"] = Subquery(of_row.values("language")[:1])
        model.objects.update(**changes)


# The old app's migrations 0024 and 0025, as they ran then.
STEPS = [
    migrations.AddField(
        model_name="correctionnote",
        name="content_type",
        field=models.ForeignKey(
            null=True,
            on_delete=django.db.models.deletion.PROTECT,
            related_name="+",
            to="contenttypes.contenttype",
            verbose_name="content type",
        ),
    ),
    migrations.AddField(
        model_name="correctionnote",
        name="object_id",
        field=models.CharField(default="", max_length=64, verbose_name="content id"),
        preserve_default=False,
    ),
    migrations.AddField(
        model_name="correctionnote",
        name="desk",
        field=models.CharField(blank=True, max_length=100, verbose_name="desk"),
    ),
    migrations.AddField(
        model_name="correctionnote",
        name="language",
        field=models.CharField(
            choices=[("de", "German"), ("en", "English")],
            default="de",
            max_length=5,
            verbose_name="language",
        ),
    ),
    migrations.AddField(
        model_name="correctionnote",
        name="compare_from",
        field=models.PositiveIntegerField(
            blank=True,
            help_text="The version before the first change this note stands for.",
            null=True,
            verbose_name="changed from version",
        ),
    ),
    migrations.AddField(
        model_name="report",
        name="content_type",
        field=models.ForeignKey(
            null=True,
            on_delete=django.db.models.deletion.PROTECT,
            related_name="+",
            to="contenttypes.contenttype",
            verbose_name="content type",
        ),
    ),
    migrations.AddField(
        model_name="report",
        name="object_id",
        field=models.CharField(default="", max_length=64, verbose_name="content id"),
        preserve_default=False,
    ),
    migrations.AddField(
        model_name="report",
        name="desk",
        field=models.CharField(blank=True, max_length=100, verbose_name="desk"),
    ),
    migrations.RunPython(to_content),
    migrations.RemoveIndex(model_name="report", name="report_open_of_article_idx"),
    migrations.RemoveField(model_name="correctionnote", name="article"),
    migrations.RemoveField(model_name="report", name="article"),
    migrations.AlterField(
        model_name="correctionnote",
        name="content_type",
        field=models.ForeignKey(
            on_delete=django.db.models.deletion.PROTECT,
            related_name="+",
            to="contenttypes.contenttype",
            verbose_name="content type",
        ),
    ),
    migrations.AlterField(
        model_name="report",
        name="content_type",
        field=models.ForeignKey(
            on_delete=django.db.models.deletion.PROTECT,
            related_name="+",
            to="contenttypes.contenttype",
            verbose_name="content type",
        ),
    ),
    migrations.AddIndex(
        model_name="correctionnote",
        index=models.Index(
            fields=["content_type", "object_id"], name="note_content_idx"
        ),
    ),
    migrations.AddIndex(
        model_name="report",
        index=models.Index(
            fields=["content_type", "object_id", "status", "-created_at"],
            name="report_open_of_content_idx",
        ),
    ),
    migrations.AddField(
        model_name="report",
        name="queued",
        field=models.GeneratedField(
            db_persist=True,
            expression=models.Case(
                models.When(status__in=["new", "in_review"], then=models.Value(True)),
                default=models.Value(False),
            ),
            output_field=models.BooleanField(),
        ),
    ),
    migrations.AddIndex(
        model_name="report",
        index=models.Index(
            fields=["queued", "created_at", "id"], name="report_queue_idx"
        ),
    ),
    migrations.AddIndex(
        model_name="report",
        index=models.Index(
            fields=["queued", "similar_to"], name="report_queue_group_idx"
        ),
    ),
]

# What those steps added, and what they replaced, per model.
ADDED = {
    "report": (
        ["content_type", "object_id", "desk", "queued"],
        ["report_open_of_content_idx", "report_queue_idx", "report_queue_group_idx"],
    ),
    "correctionnote": (
        ["content_type", "object_id", "desk", "language", "compare_from"],
        ["note_content_idx"],
    ),
}


def article_link(related_name):
    return models.ForeignKey(
        "articles.article",
        on_delete=django.db.models.deletion.PROTECT,
        related_name=related_name,
        verbose_name="article",
    )


def legacy_state(state):
    """The desk's models as they were: old table names, a link to the article."""
    state = state.clone()
    for (app_label, name), model in list(state.models.items()):
        if app_label != DESK:
            continue
        model = model.clone()
        model.options["db_table"] = f"{OLD_LABEL}_{name}"
        if name in ADDED:
            fields, indexes = ADDED[name]
            for field in fields:
                del model.fields[field]
            model.options["indexes"] = [
                index for index in model.options["indexes"] if index.name not in indexes
            ]
            model.fields["article"] = article_link(
                "reports" if name == "report" else "correction_notes"
            )
        if name == "report":
            model.options["indexes"].append(
                models.Index(
                    fields=["article", "status", "-created_at"],
                    name="report_open_of_article_idx",
                )
            )
        state.models[app_label, name] = model
    return ProjectState(models=state.models, real_apps=state.real_apps)


def columns(connection, table):
    with connection.cursor() as cursor:
        return {
            column.name
            for column in connection.introspection.get_table_description(cursor, table)
        }


def note_versions(apps, schema_editor):
    """Which versions each note stands for moves from the versions to the note."""
    Version = apps.get_model("articles", "ArticleVersion")
    Note = apps.get_model(DESK, "CorrectionNote")
    connection = schema_editor.connection
    table = Version._meta.db_table
    if "correction_note_id" not in columns(connection, table):
        return
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT correction_note_id, revision FROM {connection.ops.quote_name(table)}"
            " WHERE correction_note_id IS NOT NULL"
        )
        found = cursor.fetchall()
    tied: dict[int, list[int]] = {}
    for note_id, revision in found:
        tied.setdefault(note_id, []).append(revision)
    for note in Note.objects.filter(pk__in=tied):
        changed = tied[note.pk]
        note.compare_from = min(changed)
        note.revision = note.revision or max(changed) + 1
        note.save(update_fields=["compare_from", "revision"])


def checked_now(connection) -> None:
    """PostgreSQL: the rows just written are checked against their foreign keys
    now, not at commit, so that the schema may change after them in the same
    transaction (it refuses while checks are pending)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class FromArticleLinks(migrations.operations.base.Operation):
    reduces_to_sql = False
    reversible = False

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        connection = schema_editor.connection
        table = f"{OLD_LABEL}_report"
        if table not in connection.introspection.table_names():
            return  # a database made since, or converted already
        if "article_id" not in columns(connection, table):
            return  # converted by the old app itself (its 0024 and 0025)
        state = legacy_state(from_state)
        for step in STEPS:
            after = state.clone()
            step.state_forwards(DESK, after)
            step.database_forwards(DESK, schema_editor, state, after)
            state = after
            checked_now(connection)
        note_versions(state.apps, schema_editor)
        checked_now(connection)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        raise NotImplementedError

    def describe(self):
        return "Bring reports and notes that point to articles to the desk's schema"


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0001_initial"),
        (DESK, "0001_initial"),
    ]
    run_before = [
        ("articles", "0002_forget_note_link"),
        (DESK, "0002_adopt_corrections_tables"),
    ]

    operations = [FromArticleLinks()]
