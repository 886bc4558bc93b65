import pytest
from django.contrib.auth.models import Group, Permission

pytestmark = pytest.mark.django_db

QUEUE = "/admin/correction_desk/report/"


def test_editors_group_has_exactly_what_editors_need():
    codenames = set(
        Group.objects.get(name="Redaktion").permissions.values_list(
            "codename", flat=True
        )
    )
    assert {"view_report", "change_report", "add_correctionnote", "add_editornote"} <= (
        codenames
    )
    assert "view_reporter_email" not in codenames
    assert not {c for c in codenames if c.startswith("delete_")}
    assert "add_report" not in codenames


def test_editor_sees_the_queue_and_a_report(client, editor, make_report):
    report = make_report()
    client.force_login(editor)
    assert client.get(QUEUE).status_code == 200
    assert client.get(f"{QUEUE}{report.pk}/change/").status_code == 200


def test_staff_outside_the_editors_group_cannot_see_reports(
    client, django_user_model, make_report
):
    report = make_report()
    client.force_login(django_user_model.objects.create_user("technik", is_staff=True))
    assert client.get(QUEUE).status_code == 403
    assert client.get(f"{QUEUE}{report.pk}/change/").status_code == 403
    assert client.get(f"{QUEUE}metrics/").status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client, make_report):
    report = make_report()
    for url in (QUEUE, f"{QUEUE}{report.pk}/change/", f"{QUEUE}metrics/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]
    response = client.post(f"{QUEUE}{report.pk}/decide/", {"decision": "spam"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "new"


def test_reporter_email_needs_its_own_permission(client, editor, make_report):
    report = make_report(reporter_email="leserin@example.org", consent=True)
    client.force_login(editor)
    url = f"{QUEUE}{report.pk}/change/"
    assert "leserin@example.org" not in client.get(url).text
    editor.user_permissions.add(Permission.objects.get(codename="view_reporter_email"))
    editor = type(editor).objects.get(pk=editor.pk)  # permissions are cached
    client.force_login(editor)
    assert "leserin@example.org" in client.get(url).text


def test_editors_cannot_delete_reports(client, editor, make_report):
    report = make_report()
    client.force_login(editor)
    assert client.get(f"{QUEUE}{report.pk}/delete/").status_code == 403
