"""A reader follows the link in their outcome e-mail to the corrected words."""

import re

import pytest
from django.core import mail

from articles.services import text_fingerprint
from correction_desk import services

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = "\n\n".join(
    [
        f"Absatz {number}: Ein langer Text über die Lage an der Front."
        for number in range(30)
    ]
    + ["Nordkorea hat nach Angaben der USA rund 8000 Soldaten verlegt."]
)

MARKED = """() => {
    const highlight = CSS.highlights.get("corrected-passage");
    if (!highlight) return null;
    const [range] = highlight;
    const box = range.getBoundingClientRect();
    return {text: range.toString(), top: box.top, bottom: box.bottom,
            height: window.innerHeight};
}"""

IN_VIEW = f"""() => {{
    const marked = ({MARKED})();
    return marked && marked.top >= 0 && marked.bottom <= marked.height;
}}"""


@pytest.fixture
def outcome_link(make_article, editor, live_server):
    article = make_article(title="Soldaten in Kursk", body=BODY)
    report = services.report_submit(
        content=article,
        passage="rund 8000 Soldaten",
        description="Es waren 10.000.",
        reporter_email="leserin@example.org",
        consent=True,
    )
    mail.outbox.clear()
    services.correction_apply(
        content=article,
        editor=editor,
        changes={"body": BODY.replace("rund 8000", "etwa 10.000")},
        seen=text_fingerprint(article),
        note_text="Es waren 10.000, nicht 8000 Soldaten.",
        reports=[report],
    )
    (message,) = [m for m in mail.outbox if m.to == ["leserin@example.org"]]
    # The site's address in the e-mail is the configured one: follow its path here.
    link = re.search(r"https?://\S+#korrektur-\d+:~:text=\S+", message.body)[0]
    return re.sub(r"^https?://[^/]+", "", link)


def test_the_outcome_e_mails_link_lands_on_the_corrected_words(
    page, outcome_link, accessible
):
    assert "etwa%2010.000" in outcome_link
    page.goto(outcome_link)
    page.wait_for_function(IN_VIEW)  # the page scrolls there after it loaded
    assert page.evaluate(MARKED)["text"] == "etwa 10.000"
    accessible(page)


def test_the_notes_own_link_marks_the_words_on_the_same_page(page, outcome_link):
    page.goto(outcome_link.split("#")[0])
    assert page.evaluate(MARKED) is None
    page.get_by_role("link", name="Zur korrigierten Stelle").click()
    page.wait_for_function("() => CSS.highlights.has('corrected-passage')")
    assert page.evaluate(MARKED)["text"] == "etwa 10.000"
