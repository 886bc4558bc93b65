"""The item as a NewsML-G2 `newsItem` (IPTC, version 2.35, power conformance).

Checked in CI against IPTC's own XSD (tests/formats/) and read back with IPTC's
`newsmlg2` parser. Text goes in as text: ElementTree escapes it for XML.
"""

from xml.etree import ElementTree as ET

from correction_desk.formats.item import Item

NAR = "http://iptc.org/std/nar/2006-10-01/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# IPTC's catalog of its NewsCodes schemes (sig:, stat:, ninat: …).
CATALOG = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
CONTENT_TYPE = "application/vnd.iptc.g2.newsitem+xml"

ET.register_namespace("", NAR)


def _element(parent, name: str, text: str | None = None, **attributes):
    element = ET.SubElement(parent, f"{{{NAR}}}{name}", attributes)
    if text is not None:
        element.text = text
    return element


def _iso(moment) -> str:
    return moment.replace(microsecond=0).isoformat()


def news_item(item: Item) -> bytes:
    root = ET.Element(
        f"{{{NAR}}}newsItem",
        {
            "guid": item.guid,
            "version": str(item.version),
            "standard": "NewsML-G2",
            "standardversion": "2.35",
            "conformance": "power",
            XML_LANG: item.language,
        },
    )
    _element(root, "catalogRef", href=CATALOG)
    meta = _element(root, "itemMeta")
    _element(meta, "itemClass", qcode="ninat:text")
    _element(meta, "provider", literal=item.provider or "newsroom")
    _element(meta, "versionCreated", _iso(item.version_created))
    if item.first_created:
        _element(meta, "firstCreated", _iso(item.first_created))
    _element(meta, "pubStatus", qcode="stat:usable" if item.usable else "stat:canceled")
    for note in item.ed_notes:
        _element(meta, "edNote", note)
    if item.signal:
        _element(meta, "signal", qcode=f"sig:{item.signal}")
    if item.url:
        _element(meta, "link", rel="irel:seeAlso", href=item.url)
    if item.usable:
        content = _element(root, "contentMeta")
        _element(content, "language", tag=item.language)
        if item.section:
            subject = _element(content, "subject", type="cpnat:abstract")
            _element(subject, "name", item.section)
        _element(content, "headline", item.headline)
        contents = _element(root, "contentSet")
        _element(contents, "inlineData", item.text, contenttype="text/plain")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
