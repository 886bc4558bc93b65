import datetime

import pytest
import time_machine

from correction_desk.press_law import services

# Every scenario runs on this clock: the article went public ten days before.
NOW = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
FIRST_OFFERED = NOW - datetime.timedelta(days=10)
CLAIMS = "Die Stadträtin Erika Beispiel hat das Gutachten verschwiegen."
TEXT = (
    "In der Ausgabe vom 20. Februar 2026 schreiben Sie, ich hätte das Gutachten "
    "verschwiegen. Hierzu stelle ich fest: Ich habe das Gutachten am 3. Februar "
    "2026 allen Mitgliedern des Rates übersandt.\n\nHamburg, 25. Februar 2026\n"
    "Erika Beispiel"
)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def chief(db, django_user_model):
    """An editor in charge: records, decides and publishes press-law cases."""
    from django.contrib.auth.models import Group, Permission

    user = django_user_model.objects.create_user(
        "cvd", "cvd@example.org", "ein-sicheres-passwort-42", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Redaktion"))
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="correction_desk",
            codename__in=[
                "change_counterstatementdemand",
                "change_presseratcomplaint",
                "view_reporter_email",
                "change_report",
            ],
        )
    )
    return user


@pytest.fixture
def story(clock, make_article, make_picture):
    return make_article(
        title="Gutachten verschwiegen",
        lead="Die Stadträtin soll ein Gutachten verschwiegen haben.",
        body="Im Rat wurde am Montag gestritten.\n\nDas Gutachten fehlte.",
        lead_picture=make_picture(caption="Die Stadträtin im Rat."),
        published_at=FIRST_OFFERED,
    )


@pytest.fixture
def record_demand(story, chief):
    def record(content=None, **fields):
        values = {
            "claimant": "Erika Beispiel",
            "claimant_email": "erika@example.org",
            "claims": CLAIMS,
            "part": "title",
            "received_at": NOW - datetime.timedelta(hours=2),
            "channel": "letter",
            "written_and_signed": True,
            "text": TEXT,
            **fields,
        }
        return services.demand_record(content=content or story, editor=chief, **values)

    return record
