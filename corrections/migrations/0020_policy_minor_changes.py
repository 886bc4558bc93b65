"""The policy says what counts as a minor change (corrections/minor_changes.py).

Where the policy still has the seeded sentence about typing errors, it becomes
a section of its own; a policy the editors rewrote is left as they wrote it.
"""

from django.db import migrations

from corrections.support.markdown import render_markdown

SECTIONS = {
    "de": (
        "Tippfehler, die den Sinn nicht verändern, beheben wir ohne Vermerk.",
        """## Kleine Änderungen

Rechtschreibung, Zeichensetzung und Formatierung berichtigen wir ohne Vermerk. Jede
solche Änderung steht mit Datum als „Kleine Änderung“ in der Versionsgeschichte des
Artikels. Nie als kleine Änderung gilt, was eine Zahl, ein Datum, einen Namen oder
ein Zitat verändert – auch nur in der Schreibweise: Dafür gibt es immer einen
Vermerk. Weil im Deutschen jedes Hauptwort großgeschrieben wird, behandeln wir jedes
geänderte großgeschriebene Wort mitten im Satz wie einen Namen.""",
    ),
    "en": (
        "Typing errors that do not change the meaning are fixed without a note.",
        """## Minor changes

We fix spelling, punctuation and formatting without a note. Each such change is
listed with its date as a "minor change" in the article's version history. A change
to a number, a date, a name or a quotation is never minor – not even its spelling:
it always gets a note. A changed word with a capital letter in mid-sentence counts
as a name.""",
    ),
}


def explain_minor_changes(apps, schema_editor):
    PolicyPage = apps.get_model("corrections", "PolicyPage")
    for language, (sentence, section) in SECTIONS.items():
        page = PolicyPage.objects.filter(language=language).first()
        if page is None or sentence not in page.body:
            continue
        page.body = page.body.replace(sentence, section)
        page.body_html = render_markdown(page.body)
        page.save()


class Migration(migrations.Migration):
    dependencies = [("corrections", "0019_note_changes_wait_for_approval")]

    operations = [
        migrations.RunPython(explain_minor_changes, migrations.RunPython.noop),
    ]
