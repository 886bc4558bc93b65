"""Admin logins: guessing is stopped, editors are not locked out by accident."""

import ipaddress

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "ein-sicheres-passwort-42"


def attempt(client, username, password="falsch", address="203.0.113.5", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def test_password_guessing_is_stopped_with_429(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3  # the third failure is answered by the lock
    codes = [attempt(client, "editor").status_code for _ in range(4)]
    assert codes == [200, 200, 429, 429]
    blocked = attempt(client, "editor", password=PASSWORD)
    assert blocked.status_code == 429, "not even the right password gets through"
    assert int(blocked["Retry-After"]) == 15 * 60
    assert "Zu viele Anmeldeversuche" in blocked.text
    assert "15 Minuten" in blocked.text


def test_other_clients_can_still_log_in(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(3):
        attempt(client, "editor")
    response = attempt(client, "editor", password=PASSWORD, address="198.51.100.7")
    assert response.status_code == 302


def test_one_client_cannot_try_many_accounts(client, settings):
    settings.AXES_FAILURE_LIMIT = 2  # 8 failures per client, whatever the account
    codes = [attempt(client, f"user{n}").status_code for n in range(9)]
    assert codes == [200] * 7 + [429, 429]


def test_one_account_cannot_be_guessed_from_many_clients(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2  # 8 failures per account, whatever the client
    codes = [attempt(client, "editor", address=f"198.51.100.{n}") for n in range(8)]
    assert [response.status_code for response in codes] == [200] * 7 + [429]
    assert attempt(client, "editor", address="192.0.2.99").status_code == 429


def test_a_look_alike_spelling_counts_against_the_same_account(
    client, editor, settings
):
    settings.AXES_FAILURE_LIMIT = 2
    attempt(client, "editor")
    attempt(client, "ｅｄｉｔｏｒ")  # fullwidth: Django logs this in as "editor"
    assert attempt(client, "EDITOR").status_code == 429


def test_successful_logins_never_count_as_failures(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(5):
        attempt(client, "editor")  # one failure each time, then a success
        assert attempt(client, "editor", password=PASSWORD).status_code == 302
        client.logout()


def test_a_client_cannot_pick_another_identity_with_forwarded_headers(
    client, editor, settings
):
    settings.AXES_FAILURE_LIMIT = 2
    settings.CORRECTION_DESK_TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.10/32")]
    for n in range(3):
        response = attempt(client, "editor", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert response.status_code == 429
