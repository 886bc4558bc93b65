"""A counter-statement from the letter to the page, in a browser: the editor in
charge records the demand from the article's admin page with the signed
letter, sees it at the top of the queue with what the statute fixes, publishes
it with a reply of the editors; the reader finds it under the headline, apart
from the reply; the person affected follows it by the private link. axe-core
finds nothing on the pages readers see, nor on the desk's.
NEWSROOM_SCREENSHOTS=<folder> keeps a picture of each."""

import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from playwright.sync_api import expect

from correction_desk.press_law.models import CounterStatementDemand
from correction_desk.press_law.status import claimant_status_url

from .conftest import DESK_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = os.environ.get("NEWSROOM_SCREENSHOTS")
TEXT = (
    "In Ihrem Artikel „Stadträtin verschwieg Gutachten“ behaupten Sie, ich hätte "
    "das Gutachten zum Hafenausbau verschwiegen. Hierzu stelle ich fest: Ich habe "
    "das Gutachten am 3. Februar allen Mitgliedern des Rates übersandt.\n\n"
    "Lindenfeld, den 25. Februar\nErika Beispiel"
)


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.fixture
def chief(make_desk_editor, migrations_for_press_law):
    user = make_desk_editor("cvd")
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "change_counterstatementdemand",
                "add_counterstatementdemand",
                "view_counterstatementdemand",
            ]
        )
    )
    return user


@pytest.fixture
def migrations_for_press_law(editors_group):
    import importlib

    from django.apps import apps

    importlib.import_module(
        "newsroom.migrations.0004_press_law_permissions"
    ).give_editors_press_law(apps, None)


def test_from_the_letter_to_the_page(
    page, live_server, chief, make_article, make_picture, accessible, tmp_path
):
    article = make_article(
        title="Stadträtin verschwieg Gutachten",
        lead="Im Streit um den Hafenausbau fehlte ein Papier.",
        body="Der Rat stritt am Montag über den Hafen.\n\nDas Gutachten lag nicht vor.",
        lead_picture=make_picture(caption="Der Hafen von Lindenfeld."),
    )
    letter = tmp_path / "verlangen.pdf"
    letter.write_bytes(b"%PDF-1.7 unterschriebenes Verlangen")

    page.goto(f"/admin/login/?next=/admin/articles/article/{article.pk}/change/")
    page.locator("#id_username").fill("cvd")
    page.locator("#id_password").fill(DESK_PASSWORD)
    page.locator("#id_password").press("Enter")
    page.get_by_role("link", name="Gegendarstellungsverlangen erfassen").click()

    page.get_by_label("Betroffene Person oder Stelle").fill("Erika Beispiel")
    page.get_by_label("E-Mail-Adresse").fill("erika@example.org")
    page.get_by_label("Beanstandete Tatsachenbehauptungen").fill(
        "Stadträtin verschwieg Gutachten"
    )
    page.get_by_label("Wo die Behauptung steht").select_option("title")
    page.get_by_label("Zugegangen per").select_option("letter")
    page.get_by_label("Schriftlich und unterzeichnet").check()
    page.get_by_label("Verlangte Gegendarstellung").fill(TEXT)
    page.get_by_label("Dokumente").set_input_files(str(letter))
    page.get_by_role("button", name="Sichern", exact=True).click()

    expect(
        page.get_by_text("Das Gegendarstellungsverlangen ist erfasst.")
    ).to_be_visible()
    expect(page.get_by_text("Schriftlich und unterzeichnet.")).to_be_visible()
    expect(page.get_by_role("link", name="verlangen.pdf")).to_be_visible()
    accessible(page)
    shot(page, "desk-demand")

    page.goto(reverse("admin:correction_desk_report_changelist"))
    cases = page.locator(".press-law-cases")
    assert "Erika Beispiel" in cases.inner_text()
    accessible(page)
    shot(page, "desk-queue")

    cases.get_by_role("link", name="Erika Beispiel").click()
    page.get_by_role("link", name="Veröffentlichen", exact=True).click()
    expect(page.get_by_text("Ich habe das Gutachten am 3. Februar")).to_be_visible()
    page.get_by_label("Erwiderung der Redaktion (freiwillig)").fill(
        "Das Gutachten erreichte den Rat laut Verwaltung erst am 20. Februar."
    )
    accessible(page)
    shot(page, "desk-publish")
    page.get_by_role("button", name="Jetzt veröffentlichen").click()
    expect(page.get_by_text("Die Gegendarstellung ist veröffentlicht")).to_be_visible()

    page.goto(article.get_absolute_url())
    statement = page.locator("aside.counter-statement")
    expect(statement.get_by_role("heading", name="Gegendarstellung")).to_be_visible()
    assert "Ich habe das Gutachten am 3. Februar" in statement.inner_text()
    assert "erst am 20. Februar" not in statement.inner_text()
    # Directly under the headline, above the lead.
    headline = page.locator("h1.article-title").bounding_box()
    box = statement.bounding_box()
    lead = page.locator("p.article-lead").bounding_box()
    assert headline["y"] < box["y"] < lead["y"]
    assert "erst am 20. Februar" in page.locator("#korrekturen").inner_text()
    accessible(page)
    shot(page, "article-with-counter-statement")

    demand = CounterStatementDemand.objects.get()
    page.goto(claimant_status_url(demand))
    expect(page.get_by_text("veröffentlicht", exact=True)).to_be_visible()
    accessible(page)
    shot(page, "claimant-status")


def test_a_public_reprimand_among_the_notes(page, make_article, editor, accessible):
    import datetime

    from django.utils import timezone

    from correction_desk.press_law import services

    article = make_article(
        title="Unfall am Bahnhof: Die Namen der Opfer",
        body="Bei dem Unfall am Bahnhof starben zwei Menschen.",
    )
    complaint = services.complaint_record(
        content=article,
        editor=editor,
        reference="0456/26/1",
        received_at=timezone.now() - datetime.timedelta(days=40),
        subject="Die Opfer waren mit vollem Namen genannt.",
    )
    complaint = services.complaint_decide(
        complaint=complaint,
        editor=editor,
        outcome="public_reprimand",
        decided_on=datetime.date(2026, 3, 2),  # a day long past
        text="Der Beschwerdeausschuss des Deutschen Presserats hat den Beitrag "
        "öffentlich gerügt: Die Opfer wurden ohne Zustimmung der Angehörigen mit "
        "vollem Namen genannt. Das verletzt den Schutz der Persönlichkeit nach "
        "Ziffer 8 des Pressekodex.",
    )
    services.reprimand_publish(complaint=complaint, editor=editor)
    page.goto(article.get_absolute_url())
    notes = page.locator("#korrekturen")
    expect(notes).to_contain_text("Öffentliche Rüge des Deutschen Presserats")
    expect(page.locator(".correction-notice")).to_contain_text(
        "Der Deutsche Presserat hat diesen Artikel öffentlich gerügt"
    )
    accessible(page)
    shot(page, "article-with-reprimand")


def test_what_press_law_made_us_publish_is_not_called_a_correction(
    page, make_article, editor
):
    """ "Corrected since you read it" is the newsroom's word that it corrected
    something: a counter-statement or a reprimand says no such thing."""
    import datetime

    from django.utils import timezone

    from correction_desk.press_law import services

    article = make_article(title="Stadträtin verschwieg Gutachten")
    page.goto(article.get_absolute_url())
    page.wait_for_load_state("networkidle")  # read: remembered in the browser
    demand = services.demand_record(
        content=article,
        editor=editor,
        claimant="Erika Beispiel",
        claims="Stadträtin verschwieg Gutachten",
        part="title",
        received_at=timezone.now() - datetime.timedelta(hours=1),
        channel="letter",
        written_and_signed=True,
        text=TEXT,
    )
    services.demand_publish(demand=demand, editor=editor, reply="Wir bleiben dabei.")
    page.goto("/")
    page.wait_for_load_state("networkidle")
    expect(page.locator("#corrected-since")).to_be_hidden()
    page.goto(article.get_absolute_url())
    page.wait_for_load_state("networkidle")
    expect(page.locator("#corrected-since")).to_be_hidden()
