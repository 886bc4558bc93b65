"""A first corrections policy in each language the desk speaks.

Editors rewrite it in the admin; a database that has one keeps it.
"""

from django.db import migrations

from correction_desk.support.markdown import render_markdown

POLICY = {
    "de": (
        "Wie wir mit Korrekturen umgehen",
        """Jeder Artikel soll stimmen. Wenn uns ein Fehler unterläuft, korrigieren wir
ihn schnell und offen.

## Was wir korrigieren

- **Korrektur:** Eine Tatsache war falsch – eine Zahl, ein Name, ein Datum, ein Zitat.
- **Klarstellung:** Eine Stelle war richtig, aber missverständlich.
- **Aktualisierung:** Neue Informationen ändern oder ergänzen den Bericht.

## Kleine Änderungen

Rechtschreibung, Zeichensetzung und Formatierung berichtigen wir ohne Vermerk. Jede
solche Änderung steht mit Datum als „Kleine Änderung“ in der Versionsgeschichte des
Artikels. Nie als kleine Änderung gilt, was eine Zahl, ein Datum, einen Namen oder
ein Zitat verändert – auch nur in der Schreibweise: Dafür gibt es immer einen
Vermerk. Weil im Deutschen jedes Hauptwort großgeschrieben wird, behandeln wir jedes
geänderte großgeschriebene Wort mitten im Satz wie einen Namen.

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

## Minor changes

We fix spelling, punctuation and formatting without a note. Each such change is
listed with its date as a "minor change" in the article's version history. A change
to a number, a date, a name or a quotation is never minor – not even its spelling:
it always gets a note. A changed word with a capital letter in mid-sentence counts
as a name.

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
    PolicyPage = apps.get_model("correction_desk", "PolicyPage")
    for language, (title, body) in POLICY.items():
        PolicyPage.objects.get_or_create(
            language=language,
            defaults={"title": title, "body": body, "body_html": render_markdown(body)},
        )


class Migration(migrations.Migration):
    dependencies = [("correction_desk", "0002_adopt_corrections_tables")]

    operations = [migrations.RunPython(seed_policy, migrations.RunPython.noop)]
