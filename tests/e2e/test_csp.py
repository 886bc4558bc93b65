"""Every page works under the strict Content Security Policy, in a real browser."""

import pytest

from correction_desk.services import report_submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def watch(page) -> list[str]:
    messages = []
    page.on(
        "console",
        lambda message: (
            messages.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    page.add_init_script(WATCH_VIOLATIONS)
    return messages


def violations(page, console: list[str]) -> list[str]:
    return console + page.evaluate("window.__cspViolations || []")


def test_public_pages_and_the_report_form_run_without_violations(page, make_article):
    article = make_article(body="Ein Satz zum Markieren. Noch ein Satz.")
    console = watch(page)
    page.goto("/")
    assert violations(page, console) == []
    page.goto(article.get_absolute_url())
    page.evaluate(
        """() => { const p = document.querySelector('#article-body p');
        const r = document.createRange(); r.selectNodeContents(p);
        getSelection().removeAllRanges(); getSelection().addRange(r); }"""
    )
    page.keyboard.press("Control+Enter")
    assert page.locator("#id_passage").input_value()
    page.get_by_role("button", name="Meldung senden").click()  # no description
    page.locator("#report-errors").wait_for()
    assert violations(page, console) == []
    # Styles and scripts really load under the policy (not just "no errors").
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "17px"


def test_the_editors_queue_runs_without_violations(
    page, editors_group, django_user_model, article
):
    user = django_user_model.objects.create_user(
        "csp", password="ein-langes-passwort-2024", is_staff=True
    )
    user.groups.add(editors_group)
    report = report_submit(
        content=article,
        description="Zahl falsch",
        passage="Erster Absatz",
        suggestion="Der erste Absatz",
    )
    console = watch(page)
    page.goto("/admin/login/")
    page.locator("#id_username").fill("csp")
    page.locator("#id_password").fill("ein-langes-passwort-2024")
    page.locator("input[type=submit]").click()
    page.goto("/admin/correction_desk/report/")
    page.locator("#result_list").wait_for()
    page.goto(f"/admin/correction_desk/report/{report.pk}/change/")
    page.locator(".report-panels").wait_for()
    page.get_by_role("button", name="Vorschlag übernehmen").click()
    assert "Der erste Absatz" in page.locator("#id_new_text").input_value()
    page.evaluate("document.activeElement.blur()")  # keys never fire in a field
    page.keyboard.press("?")
    page.get_by_role("dialog", name="Tastenkürzel").wait_for()
    page.keyboard.press("Escape")
    page.goto("/admin/correction_desk/report/metrics/")
    assert violations(page, console) == []
