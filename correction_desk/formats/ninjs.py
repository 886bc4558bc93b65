"""The item as an IPTC ninjs 3.1 document (News in JSON).

ninjs has no signal for a correction. It is carried twice, both from
NewsML-G2, of which ninjs is the JSON sibling: the notes readers see go in
`edNote` (NewsML-G2's `edNote`, where agencies put a correction's
explanation), and the latest note goes in `descriptions` with the role
`http://cv.iptc.org/newscodes/signal/correction` (or `…/update`): the URI of the
very NewsML-G2 signal, so that a system that reads either format finds the
same code. `version` is raised with each step of each note, as in NewsML-G2.
Checked in CI against IPTC's JSON Schema (tests/formats/).
"""

from correction_desk.formats.item import Item

SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"
SIGNAL_URI = "http://cv.iptc.org/newscodes/signal/"
CONTENT_TYPE = "application/json"


def _iso(moment) -> str:
    return moment.replace(microsecond=0).isoformat()


def document(item: Item) -> dict:
    data = {
        "standard": {"name": "ninjs", "version": "3.1", "schema": SCHEMA},
        "uri": item.guid,
        "type": "text",
        "version": str(item.version),
        "versionCreated": _iso(item.version_created),
        "pubStatus": "usable" if item.usable else "canceled",
        "language": item.language,
    }
    if item.first_created:
        data["firstCreated"] = _iso(item.first_created)
    if not item.usable:
        return data
    data["headlines"] = [{"role": "main", "value": item.headline}]
    data["bodies"] = [{"role": "main", "contentType": "text/plain", "value": item.text}]
    if item.ed_notes:
        data["edNote"] = "\n\n".join(item.ed_notes)
    if item.signal:
        data["descriptions"] = [
            {
                "role": SIGNAL_URI + item.signal,
                "contentType": "text/plain",
                "value": item.latest_note,
            }
        ]
    if item.section:
        data["subjects"] = [{"name": item.section}]
    data["altIds"] = [{"role": "url", "value": item.url}]
    if item.provider:
        data["infoSources"] = [{"name": item.provider, "role": "originator"}]
    return data
