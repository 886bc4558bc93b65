"""The editors' side of press-law cases in the admin: recording a demand with
its documents from the article's page or the queue, the documents kept where
no public address reaches them, the queue that puts the cases first, and a
person's data on request."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from correction_desk.press_law import services
from correction_desk.press_law.models import CounterStatementDemand, DemandDocument
from correction_desk.triage import privacy
from tests.press_law.conftest import CLAIMS, NOW, TEXT

pytestmark = pytest.mark.django_db

ADD = "admin:correction_desk_counterstatementdemand_add"


def letter(name="verlangen.pdf", size=2000):
    return SimpleUploadedFile(
        name, b"%PDF-1.7 " + b"x" * size, content_type="application/pdf"
    )


def form_data(story, **extra):
    received = NOW - datetime.timedelta(hours=3)
    return {
        "content_key": f"articles.article:{story.pk}",
        "claimant": "Erika Beispiel",
        "representative": "RA Dr. Muster",
        "claimant_address": "Rathausmarkt 1, 20095 Hamburg",
        "claimant_email": "erika@example.org",
        "claims": CLAIMS,
        "part": "lead",
        "received_at_0": received.strftime("%d.%m.%Y"),
        "received_at_1": "09:00:00",
        "channel": "letter",
        "written_and_signed": "on",
        "text": TEXT,
        **extra,
    }


def test_the_articles_admin_page_starts_a_demand_for_that_article(client, chief, story):
    client.force_login(chief)
    page = client.get(reverse("admin:articles_article_change", args=[story.pk]))
    body = page.content.decode()
    assert "Gegendarstellungsverlangen erfassen" in body
    link = reverse(ADD) + f"?content=articles.article:{story.pk}"
    assert link in body
    form = client.get(link).content.decode()
    assert f'value="articles.article:{story.pk}"' in form


def test_an_editor_records_a_demand_with_its_documents(client, chief, story):
    client.force_login(chief)
    response = client.post(
        reverse(ADD),
        {**form_data(story), "documents": [letter(), letter("vollmacht.pdf")]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    demand = CounterStatementDemand.objects.get()
    assert (demand.content, demand.part, demand.claimant) == (
        story,
        "lead",
        "Erika Beispiel",
    )
    assert demand.first_offered_at == story.published_at
    assert [d.name for d in demand.documents.all()] == [
        "verlangen.pdf",
        "vollmacht.pdf",
    ]
    assert list(demand.steps.values_list("action", flat=True)) == ["recorded"]


def test_the_article_may_be_named_by_its_public_address(client, chief, story):
    client.force_login(chief)
    address = f"https://www.example.org{story.get_absolute_url()}"
    response = client.post(reverse(ADD), form_data(story, content_key=address))
    assert response.status_code == 302
    assert CounterStatementDemand.objects.get().content == story


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (letter("programm.exe"), "ist weder PDF noch Bild"),
        (letter(size=10 * 1024 * 1024 + 1), "ist größer als 10 MB"),
        (
            [letter(size=6 * 2**20), letter(size=6 * 2**20)],
            "Zusammen sind die Dokumente größer als 10 MB",
        ),
    ],
)
def test_a_document_the_desk_does_not_keep_is_refused_and_nothing_is_lost(
    client, chief, story, upload, message
):
    client.force_login(chief)
    uploads = upload if isinstance(upload, list) else [upload]
    response = client.post(reverse(ADD), {**form_data(story), "documents": uploads})
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "Rathausmarkt 1" in body  # what was typed is still there
    assert not CounterStatementDemand.objects.exists()


def test_documents_have_no_public_address(client, chief, story, record_demand):
    demand = record_demand()
    document = services.demand_add_document(
        demand=demand, editor=chief, upload=letter()
    )
    stored = Path(document.file.path)
    assert stored.exists()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert media not in stored.resolve().parents
    assert "verlangen" not in stored.name  # the sender's file name names nobody
    with pytest.raises(ValueError):
        document.file.url  # noqa: B018
    assert client.get(settings.MEDIA_URL + document.file.name).status_code == 404


def test_only_editors_who_may_see_the_demand_get_its_documents(
    client, chief, story, record_demand, django_user_model
):
    demand = record_demand()
    document = services.demand_add_document(
        demand=demand, editor=chief, upload=letter()
    )
    url = reverse(
        "admin:correction_desk_counterstatementdemand_document",
        args=[demand.pk, document.pk],
    )
    assert client.get(url).status_code == 302  # to the login
    outsider = django_user_model.objects.create_user("praktikant", is_staff=True)
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    client.force_login(chief)
    response = client.get(url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    other = reverse(
        "admin:correction_desk_counterstatementdemand_document",
        args=[demand.pk, document.pk + 1],
    )
    assert client.get(other).status_code == 404


def test_an_editor_without_the_right_to_decide_cannot_publish(
    client, editor, record_demand
):
    demand = record_demand()
    client.force_login(editor)
    url = reverse(
        "admin:correction_desk_counterstatementdemand_publish", args=[demand.pk]
    )
    assert client.post(url, {}).status_code == 403
    demand.refresh_from_db()
    assert demand.is_open


def test_the_admin_page_shows_the_findings_the_wait_and_the_private_link(
    client, chief, record_demand, clock
):
    demand = record_demand(written_and_signed=False)
    clock.shift(datetime.timedelta(hours=23))
    client.force_login(chief)
    page = client.get(
        reverse("admin:correction_desk_counterstatementdemand_change", args=[demand.pk])
    ).content.decode()
    assert "Wartet seit 1\xa0Tag, 1\xa0Stunde auf eine Entscheidung." in page
    assert "Überfällig:" in page
    assert "Nicht schriftlich oder nicht von der betroffenen Person" in page
    assert "/gegendarstellung/" in page
    assert "keine Rechtsberatung" in page


def test_demands_sort_above_everything_in_the_queue(
    client, chief, record_demand, clock
):
    from correction_desk.services import report_submit

    report_submit(content=record_demand().content, description="Tippfehler")
    record_demand(
        claimant="Zweite Person", received_at=NOW - datetime.timedelta(days=2)
    )
    client.force_login(chief)
    queue = client.get(reverse("admin:correction_desk_report_changelist"))
    page = queue.content.decode()
    cases = page.index('class="module press-law-cases"')
    assert cases < page.index('class="queue-counts"') < page.index("Tippfehler")
    # The oldest first, and it is overdue.
    assert page.index("Zweite Person") < page.index("Erika Beispiel")
    assert 'class="is-overdue"' in page
    index = client.get(reverse("admin:index")).content.decode()
    assert "Gegendarstellungsverlangen, unverzüglich zu entscheiden" in index


def test_a_decided_demand_leaves_the_top_of_the_queue(client, chief, record_demand):
    demand = record_demand()
    services.demand_refuse(demand=demand, editor=chief, ground="late", letter="…")
    client.force_login(chief)
    queue = client.get(reverse("admin:correction_desk_report_changelist"))
    assert "press-law-cases" not in queue.content.decode()


def test_the_person_affected_gets_their_data_and_documents_and_may_have_them_erased(
    chief, record_demand
):
    demand = services.demand_publish(demand=record_demand(), editor=chief)
    document = services.demand_add_document(
        demand=demand, editor=chief, upload=letter()
    )
    path = Path(document.file.path)
    exported = privacy.reporter_data_export(email="ERIKA@example.org", editor=chief)
    (entry,) = exported["counter_statement_demands"]
    assert entry["claimant"] == "Erika Beispiel"
    assert entry["documents"][0]["name"] == "verlangen.pdf"
    assert entry["documents"][0]["base64"].startswith("JVBERi")  # %PDF
    assert privacy.demands_erase(email="erika@example.org", editor=chief) == 1
    demand.refresh_from_db()
    assert (demand.claimant, demand.claimant_email, demand.claimant_address) == (
        "",
        "",
        "",
    )
    assert not path.exists()
    assert not DemandDocument.objects.exists()
    # What the law made us publish stays published.
    demand.note.refresh_from_db()
    assert demand.note.text == TEXT and demand.note.published_at
    assert demand.steps.last().action == "privacy"
    assert privacy.demands_erase(email="erika@example.org", editor=chief) == 0


def test_the_privacy_page_erases_demands_too(client, chief, record_demand):
    record_demand()
    client.force_login(chief)
    response = client.post(
        reverse("admin:correction_desk_report_privacy"),
        {"email": "erika@example.org", "action": "erase", "identity_checked": "on"},
        follow=True,
    )
    assert "aus 1 Gegendarstellungsverlangen gelöscht" in response.content.decode()
    assert CounterStatementDemand.objects.get().claimant_email == ""


def test_every_step_shows_in_the_demands_history(client, chief, record_demand):
    demand = services.demand_refuse(
        demand=record_demand(), editor=chief, ground="late", letter="Zu spät."
    )
    client.force_login(chief)
    page = client.get(
        reverse("admin:correction_desk_counterstatementdemand_change", args=[demand.pk])
    ).content.decode()
    history = page[page.index("Verlauf") :]
    assert "erfasst" in history and "abgelehnt" in history
    assert "verspätet zugegangen: Zu spät." in history


def test_the_privacy_page_says_what_is_kept_of_a_demand(client):
    page = client.get("/datenschutz/").content.decode()
    assert "Wenn Sie eine Gegendarstellung verlangen" in page
    assert "Art. 6 Abs. 1 lit. c DSGVO" in page
