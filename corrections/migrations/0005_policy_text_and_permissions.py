from django.contrib.auth.management import create_permissions
from django.db import migrations

from corrections.support.markdown import render_markdown

POLICY = {
    "de": (
        "Wie wir mit Korrekturen umgehen",
        """Jeder Artikel soll stimmen. Wenn uns ein Fehler unterläuft, korrigieren wir
ihn schnell und offen.

## Was wir korrigieren

- **Korrektur:** Eine Tatsache war falsch – eine Zahl, ein Name, ein Datum, ein Zitat.
- **Klarstellung:** Eine Stelle war richtig, aber missverständlich.
- **Aktualisierung:** Neue Informationen ändern oder ergänzen den Bericht.

Tippfehler, die den Sinn nicht verändern, beheben wir ohne Vermerk.

## Wie schnell

Jede Meldung wird gelesen, in der Regel innerhalb eines Werktags. Sachliche Fehler
haben Vorrang: Wir prüfen sie innerhalb von 24 Stunden.

## Wie Korrekturen aussehen

Jede Korrektur steht mit Datum am Ende des Artikels, und oben im Artikel weist ein
Hinweis darauf hin. Was falsch war, benennen wir klar. Alle Korrekturen stehen
außerdem in unserem Korrekturverzeichnis, und jede frühere Fassung eines Artikels
lässt sich mit der aktuellen vergleichen.

## Wie Sie einen Fehler melden

Unter jedem Artikel steht ein Formular. Markieren Sie die betroffene Stelle und
drücken Sie Strg+Enter (am Mac Cmd+Enter), oder füllen Sie das Formular direkt aus.
Sie müssen weder Namen noch E-Mail-Adresse angeben. Eine Adresse nutzen wir nur, um
Ihnen das Ergebnis mitzuteilen; Ihre IP-Adresse speichern wir nicht.
""",
    ),
    "en": (
        "How we handle corrections",
        """We want every article to be right. When we get something wrong, we correct
it quickly and openly.

## What we correct

- **Correction:** a fact was wrong – a number, a name, a date, a quotation.
- **Clarification:** a passage was correct but could be misunderstood.
- **Update:** new information changes or adds to the story.

Typing errors that do not change the meaning are fixed without a note.

## How fast

An editor reads every report, usually within one working day. Factual errors come
first: we check them within 24 hours.

## How corrections look

Every correction is noted with its date at the end of the article, and a notice at
the top points to it. We say plainly what was wrong. All corrections are also listed
in our corrections log, and every earlier version of an article can be compared with
the current one.

## How to report an error

Under every article is a form. Select the passage in question and press Ctrl+Enter
(Cmd+Enter on a Mac), or fill in the form directly. You do not have to give your name
or e-mail address. We use an address only to tell you the outcome; we do not store
your IP address.
""",
    ),
}


def seed_policy(apps, schema_editor):
    PolicyPage = apps.get_model("corrections", "PolicyPage")
    for language, (title, body) in POLICY.items():
        PolicyPage.objects.get_or_create(
            language=language,
            defaults={"title": title, "body": body, "body_html": render_markdown(body)},
        )


def let_editors_edit_it(apps, schema_editor):
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Redaktion").first()
    if group:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="corrections",
                codename__in=["view_policypage", "change_policypage"],
            )
        )


class Migration(migrations.Migration):
    dependencies = [("corrections", "0004_policy_page")]

    operations = [
        migrations.RunPython(seed_policy, migrations.RunPython.noop),
        migrations.RunPython(let_editors_edit_it, migrations.RunPython.noop),
    ]
