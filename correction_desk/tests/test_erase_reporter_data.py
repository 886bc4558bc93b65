from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from correction_desk.models import Report
from correction_desk.services import report_submit

pytestmark = pytest.mark.django_db


def test_reporter_data_is_erased_after_the_promised_days(article, settings):
    settings.CORRECTION_DESK_REPORTER_DATA_DAYS = 90
    old, recent = (
        report_submit(
            content=article,
            description=text,
            reporter_name="Erika",
            reporter_email="erika@example.org",
            consent=True,
        )
        for text in ("alt", "neu")
    )
    Report.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=91)
    )
    call_command("erase_reporter_data")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.reporter_name, old.reporter_email, old.consent_at) == ("", "", None)
    assert old.description == "alt"
    assert recent.reporter_email == "erika@example.org"


def test_the_command_reports_in_german(capsys):
    from django.core.management import call_command

    call_command("erase_reporter_data")
    assert (
        capsys.readouterr().out.strip()
        == "Daten der Meldenden aus 0 Meldungen gelöscht."
    )
