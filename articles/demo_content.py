"""Read the demo articles shipped in articles/demo/ (a header of `key: value` lines,
a blank line, then the Markdown body)."""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils import timezone

DEMO_DIR = Path(__file__).resolve().parent / "demo"

SECTIONS = [("politik", "Politik"), ("wirtschaft", "Wirtschaft"),
            ("wissen", "Wissen"), ("kultur", "Kultur")]  # fmt: skip

AUTHORS = {
    "Katrin Albers": "Katrin Albers berichtet über Außen- und Sicherheitspolitik.",
    "Jonas Reuter": "Jonas Reuter leitet das Korrekturteam und schreibt über Medien.",
    "Miriam Okafor": "Miriam Okafor ist Lokalreporterin in Lindenfeld.",
    "Felix Brandt": "Felix Brandt schreibt über Banken, Energie und Verbraucherfragen.",
    "Dr. Lea Sommer": "Lea Sommer ist Biologin und Wissenschaftsredakteurin.",
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


def parse(text: str) -> DemoArticle:
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
    )


def demo_articles() -> list[DemoArticle]:
    return [parse(path.read_text("utf-8")) for path in sorted(DEMO_DIR.glob("*.md"))]
