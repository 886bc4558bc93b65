"""Read the demo articles shipped in articles/demo/ (a header of `key: value` lines,
a blank line, then the Markdown body)."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils import timezone

DEMO_DIR = Path(__file__).resolve().parent / "demo"

# slug: (German name, English name, German description, English description)
SECTIONS = {
    "politik": (
        "Politik", "Politics",
        "Nachrichten und Hintergründe aus Deutschland und der Welt.",
        "News and background from Germany and the world.",
    ),
    "wirtschaft": (
        "Wirtschaft", "Business",
        "Unternehmen, Geld und Verbraucherfragen.",
        "Companies, money and consumer affairs.",
    ),
    "wissen": (
        "Wissen", "Science",
        "Forschung, Natur und wie wir arbeiten.",
        "Research, nature and how we work.",
    ),
    "kultur": (
        "Kultur", "Culture",
        "Bücher, Bühne, Hörspiel und Stadtleben.",
        "Books, stage, radio drama and city life.",
    ),
}  # fmt: skip

AUTHORS = {
    # name: (German bio, English bio)
    "Katrin Albers": (
        "Katrin Albers berichtet über Außen- und Sicherheitspolitik.",
        "Katrin Albers reports on foreign and security policy.",
    ),
    "Jonas Reuter": (
        "Jonas Reuter leitet das Korrekturteam und schreibt über Medien.",
        "Jonas Reuter leads the corrections team and writes about the media.",
    ),
    "Miriam Okafor": (
        "Miriam Okafor ist Lokalreporterin in Lindenfeld.",
        "Miriam Okafor is a local reporter in Lindenfeld.",
    ),
    "Felix Brandt": (
        "Felix Brandt schreibt über Banken, Energie und Verbraucherfragen.",
        "Felix Brandt writes about banks, energy and consumer affairs.",
    ),
    "Dr. Lea Sommer": (
        "Lea Sommer ist Biologin und Wissenschaftsredakteurin.",
        "Lea Sommer is a biologist and science editor.",
    ),
}


@dataclass(frozen=True)
class DemoArticle:
    section: str
    kicker: str
    title: str
    lead: str
    authors: tuple[str, ...]
    published_at: datetime
    language: str
    body: str
    number: str = ""  # of its file, "01" to "10"
    translation_of: str = ""  # the number of the article it translates


def parse(text: str, number: str = "") -> DemoArticle:
    head, _, body = text.partition("\n\n")
    fields = dict(line.split(": ", 1) for line in head.splitlines())
    return DemoArticle(
        section=fields["section"],
        kicker=fields.get("kicker", ""),
        title=fields["title"],
        lead=fields["lead"],
        authors=tuple(name.strip() for name in fields["authors"].split(",")),
        published_at=timezone.make_aware(
            datetime.strptime(fields["published"], "%Y-%m-%d %H:%M")
        ),
        language=fields.get("language", "de"),
        body=body.strip() + "\n",
        number=number,
        translation_of=fields.get("translation of", ""),
    )


def demo_articles() -> list[DemoArticle]:
    return [
        parse(path.read_text("utf-8"), path.name[:2])
        for path in sorted(DEMO_DIR.glob("*.md"))
    ]


# Reader reports waiting in the demo queue: (article slug, hours ago, fields).
DEMO_REPORTS = [
    (
        "lindenfeld-baut-sein-radwegenetz-aus-und-streitet-ueber-parkplaetze",
        50,
        {
            "passage": "Mit 27 zu 14 Stimmen",
            "context_before": "Debatte war die Entscheidung klar: ",
            "context_after": " hat der Stadtrat von Lindenfeld am Montagabend",
            "description": "Laut Sitzungsprotokoll waren es 27 zu 13 Stimmen; "
            "ein Ratsmitglied hat sich enthalten.",
            "suggestion": "Mit 27 zu 13 Stimmen",
            "source_url": "https://www.example.org/ratsinfo/sitzung-2024-11-04",
        },
    ),
    (
        "lindenfeld-baut-sein-radwegenetz-aus-und-streitet-ueber-parkplaetze",
        20,
        {
            "passage": "27 zu 14",
            "description": "Die Abstimmung ging 27:13 aus, ich war als Zuhörer dabei.",
        },
    ),
    (
        "usa-rund-8000-nordkoreanische-soldaten-in-der-region-kursk",
        6,
        {
            "passage": "rund 8000 Soldaten",
            "context_before": "dass Nordkorea inzwischen ",
            "context_after": " in die russische Grenzregion Kursk verlegt hat.",
            "description": "Im Text stehen einmal 8000 und einmal 10.000 Soldaten. "
            "Was stimmt denn nun?",
        },
    ),
    (
        "hoerspiel-unter-freiem-himmel-lindenfeld-feiert-das-erzaehlen",
        2,
        {
            "passage": "mit Cellophan ein Lagerfeuer",
            "description": "Das Knistern von Cellophan ist ein Klassiker – aber es "
            "wäre schön zu erwähnen, wer den Workshop geleitet hat.",
        },
    ),
]


# One demo article was corrected: what it said first, what a reader reported, and
# the note the editors published the next morning.
DEMO_CORRECTION = {
    "slug": "waermepumpe-oder-fernwaerme-was-hauseigentuemer-jetzt-rechnen-sollten",
    "wrong": "Städte und Gemeinden müssen bis Ende 2025 festlegen,",
    "right": "Städte und Gemeinden müssen in den kommenden Jahren festlegen,",
    "report": {
        "passage": "Städte und Gemeinden müssen bis Ende 2025 festlegen",
        "description": "Die Frist gilt nur für Großstädte über 100.000 Einwohner; "
        "kleinere Gemeinden haben bis Mitte 2028 Zeit.",
        "source_url": "https://www.gesetze-im-internet.de/wpg/",
    },
    "note": "In einer früheren Fassung hieß es, alle Städte und Gemeinden müssten "
    "ihre Wärmeplanung bis Ende 2025 festlegen. Tatsächlich gelten je nach Größe der "
    "Gemeinde unterschiedliche Fristen bis Mitte 2028.",
    "corrected_at": "2024-11-07 08:30",
}


# A counter-statement demand waiting in the queue (README, "Press law"): the
# claim stands in the text of the Radwege article. The demo article went
# public long ago, so the desk finds the demand late: what a real desk sees.
DEMO_COUNTER_STATEMENT = {
    "slug": "lindenfeld-baut-sein-radwegenetz-aus-und-streitet-ueber-parkplaetze",
    "hours_ago": 5,
    "claimant": "Werbegemeinschaft Lindenfeld e. V.",
    "representative": "Vorsitzender Jörg Beispiel",
    "claimant_address": "Bahnhofstraße 12, 12345 Lindenfeld",
    "claims": "Der Vorsitzende der örtlichen Werbegemeinschaft warnte in der "
    "Sitzung vor Umsatzeinbußen.",
    "part": "body",
    "channel": "letter",
    "written_and_signed": True,
    "text": "In dem Artikel „Lindenfeld baut sein Radwegenetz aus – und streitet "
    "über Parkplätze“ heißt es, der Vorsitzende der örtlichen Werbegemeinschaft "
    "habe in der Sitzung vor Umsatzeinbußen gewarnt. Hierzu stellen wir fest: Der "
    "Vorsitzende hat in der Sitzung nicht gesprochen; die Stellungnahme der "
    "Werbegemeinschaft wurde schriftlich eingereicht.\n\n"
    "Lindenfeld, im Dezember\nWerbegemeinschaft Lindenfeld e. V.\n"
    "Jörg Beispiel, Vorsitzender",
}
