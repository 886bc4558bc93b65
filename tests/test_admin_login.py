import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def attempt(client, username, password="falsch", address="203.0.113.5"):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_password_guessing_is_stopped_with_429(client, editor, settings):
    settings.NEWSROOM_LOGIN_ATTEMPTS = 3
    codes = [attempt(client, "editor").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    blocked = attempt(client, "editor", password="ein-sicheres-passwort-42")
    assert blocked.status_code == 429, "not even the right password gets through"
    assert int(blocked["Retry-After"]) > 0
    assert "Zu viele Anmeldeversuche" in blocked.text


def test_other_clients_can_still_log_in(client, editor, settings):
    settings.NEWSROOM_LOGIN_ATTEMPTS = 2
    for _ in range(3):
        attempt(client, "editor")
    response = attempt(
        client, "editor", password="ein-sicheres-passwort-42", address="198.51.100.7"
    )
    assert response.status_code == 302


def test_one_client_cannot_try_many_accounts(client, settings):
    settings.NEWSROOM_LOGIN_ATTEMPTS = 2  # 8 per hour per client
    codes = [attempt(client, f"user{n}").status_code for n in range(9)]
    assert codes[:8] == [200] * 8 and codes[8] == 429
