"""An editor takes the oldest report to a published correction in a real browser."""

from datetime import timedelta

import pytest
from django.utils import timezone

from corrections.models import Report
from corrections.services import report_submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "ein-langes-redaktionspasswort"


@pytest.fixture
def desk_editor(django_user_model, editors_group):
    user = django_user_model.objects.create_user(
        "redakteurin", password=PASSWORD, is_staff=True
    )
    user.groups.add(editors_group)
    return user


def test_editor_publishes_a_correction_from_the_oldest_report(
    page, browser, live_server, desk_editor, make_article
):
    article = make_article(title="Radwege in Lindenfeld", body="Mit 27 zu 14 Stimmen.")
    oldest = report_submit(
        article=article, passage="27 zu 14", description="Es waren 27 zu 13."
    )
    report_submit(article=article, description="Neuer, später eingegangen.")
    Report.objects.filter(pk=oldest.pk).update(
        created_at=timezone.now() - timedelta(days=1)
    )

    page.goto("/admin/corrections/report/")
    page.locator("#id_username").fill("redakteurin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    page.locator("#result_list tbody tr").first.locator("th a").click()
    assert page.locator("mark").inner_text() == "27 zu 14"

    page.get_by_role("link", name="Korrektur veröffentlichen").click()
    page.locator("#id_text").fill("In einer früheren Fassung hieß es 27 zu 14 Stimmen.")
    page.get_by_role("button", name="Korrektur veröffentlichen").click()
    page.get_by_text("Die Korrektur ist am Artikel veröffentlicht.").wait_for()

    reader = browser.new_context(base_url=live_server.url).new_page()
    reader.goto(article.get_absolute_url())
    note = reader.locator("#korrekturen")
    assert "In einer früheren Fassung hieß es 27 zu 14 Stimmen." in note.inner_text()
    assert "korrigiert" in reader.locator(".correction-notice").inner_text()
    reader.context.close()
    oldest.refresh_from_db()
    assert oldest.status == "corrected"
