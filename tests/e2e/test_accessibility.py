"""axe-core on every public page a reader can reach: WCAG 2.2 AA, no violation.

(The editors' queue, a report page, the help dialog and the figures are checked
in test_editor.py.)
"""

import pytest

from articles.services import article_save
from correction_desk import services
from correction_desk.intake.status import status_url

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(make_article, make_picture, editor):
    inside = make_picture(caption="Eine Karte der Region.")
    article = make_article(
        title="Soldaten in Kursk",
        body="Erster Absatz.\n\n## Zwischentitel\n\nEs sind rund 8000 Soldaten."
        f"\n\n![](bild:{inside.pk})\n",
        lead_picture=make_picture(),
    )
    article.body = article.body.replace("8000", "11.000")
    article_save(article, editor=editor)
    services.correction_publish(
        content=article, editor=editor, kind="correction",
        text="Es sind 11.000, nicht 8000.", reports=[],
    )  # fmt: skip
    english = make_article(title="How we correct", language="en")
    report = services.report_submit(content=article, description="Die Zahl.")
    return {"article": article, "english": english, "report": report}


def pages(site):
    article, english = site["article"], site["english"]
    return {
        "front": "/",
        "section": article.section.get_absolute_url(),
        "article": article.get_absolute_url(),
        "versions": f"/artikel/{article.slug}/versionen/?from=1&to=2",
        "log": "/korrekturen/",
        "policy": "/korrekturen/grundsaetze/",
        "privacy": "/datenschutz/",
        "status": status_url(site["report"]),
        "confirmation": status_url(site["report"]) + "?gesendet=1",
        "not found": "/gibt-es-nicht/",
        "search": "/suche/?q=Soldaten",
        "search, a mistyped date": "/suche/?q=Soldaten&from=31.02.2026",
        "english search": "/en/search/?q=correct",
        "english front": "/en/",
        "english article": f"/en/article/{english.slug}/",
    }


@pytest.mark.parametrize("width", [390, 1280])
def test_every_public_page_passes_axe(page, site, accessible, width):
    page.set_viewport_size({"width": width, "height": 900})
    for name, url in pages(site).items():
        page.goto(url)
        try:
            accessible(page)
        except AssertionError as error:
            raise AssertionError(f"{name} ({url}) at {width} px: {error}") from None


def test_the_form_with_errors_passes_axe(page, site, accessible):
    page.goto(site["article"].get_absolute_url())
    page.get_by_role("button", name="Meldung senden").click()
    page.locator("#report-errors").wait_for()
    assert page.title().startswith("Fehler")
    accessible(page)
