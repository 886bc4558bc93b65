"""The embed proven on a site we do not serve: a plain "Lokalzeitung" page from
a second origin, with its own strict CSP and a stylesheet that restyles every
button, form and frame, carries the snippet. A reader reports a passage by
selection, the editors find it in the queue, a note is published, and the host
page shows it. A page of an unregistered origin gets no form, and a hostile
script on the host page can neither read the frame nor send in the reader's
name. NEWSROOM_SCREENSHOTS=<folder> keeps pictures of the host page."""

import http.server
import os
import threading
from pathlib import Path

import pytest

from correction_desk import services
from correction_desk.embed.admin import snippet
from correction_desk.embed.models import EmbedSite, ExternalPage
from correction_desk.models import Report

from .conftest import DESK_PASSWORD, select_text

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("NEWSROOM_SCREENSHOTS")

HOSTILE_CSS = """
button, input, textarea, form, iframe { all: unset !important; color: red !important; }
iframe { height: 10px !important; opacity: 0.2 !important; }
body { font-family: serif; max-width: 40rem; margin: 2rem auto; }
"""

# A script of the host's (or one slipped into it) that wants what is the reader's.
HOSTILE_JS = """
window.hostile = {};
setTimeout(function () {
  var frame = document.querySelector("iframe");
  try { window.hostile.document = frame.contentDocument === null ? "null" : "read"; }
  catch (error) { window.hostile.document = "refused"; }
  fetch(OUR + "/embed/" + KEY + "/report/" + PAGE + "/", {
    method: "POST", credentials: "include", mode: "no-cors",
    headers: {"Content-Type": "application/x-www-form-urlencoded"},
    body: "passage=Hafen&description=Im+Namen+des+Lesers"
  }).then(function () { window.hostile.post = "sent"; },
          function () { window.hostile.post = "failed"; });
}, 500);
"""


def host_page(title: str, embed: str, extra: str = "") -> str:
    return f"""<!doctype html><html lang="de"><head><meta charset="utf-8">
<title>{title}</title><link rel="stylesheet" href="/site.css"></head><body>
<header><p>Lokalzeitung – Nachrichten aus Lindenfeld</p></header>
<main><article id="text"><h1>Der Hafen wird 135</h1>
<p>Der Hafen von Lindenfeld wurde 1890 eröffnet und ist heute der größte im Land.</p>
<p>Im vergangenen Jahr legten dort rund 8000 Schiffe an.</p></article>
{embed}{extra}</main></body></html>"""


class HostSite:
    """A site that does not run Django, on an origin of its own."""

    def __init__(self, our_origin: str):
        self.pages: dict[str, str] = {}
        self.files = {"/site.css": ("text/css", HOSTILE_CSS)}
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                path = self.path.split("?")[0]
                if path in site.files:
                    kind, body = site.files[path]
                elif path in site.pages:
                    kind, body = "text/html; charset=utf-8", site.pages[path]
                else:
                    self.send_error(404)
                    return
                data = body.encode()
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                # A strict policy, with the lines the README gives hosts.
                self.send_header(
                    "Content-Security-Policy",
                    f"default-src 'none'; style-src 'self'; "
                    f"script-src 'self' {our_origin}; frame-src {our_origin}; "
                    f"connect-src 'self' {our_origin}",
                )
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def host(live_server, settings):
    site = HostSite(live_server.url)
    # The host is on loopback here; a real one is on the internet.
    settings.CORRECTION_DESK_TRUSTED_DESTINATIONS = [site.origin]
    settings.CORRECTION_DESK_BASE_URL = live_server.url
    yield site
    site.close()


@pytest.fixture
def registered(host):
    site = EmbedSite.objects.create(
        name="Lokalzeitung", origins=host.origin, language="de", desk="lokales",
        text_selector="#text",
    )  # fmt: skip
    host.pages["/hafen.html"] = host_page("Der Hafen wird 135", snippet(site))
    return site


def shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def embed_frame(page):
    page.wait_for_selector("iframe")
    page.locator("iframe").scroll_into_view_if_needed()
    handle = page.locator("iframe").element_handle()
    frame = handle.content_frame()
    frame.wait_for_selector("#report-form")
    return frame


def test_a_reader_reports_by_selection_and_the_note_shows_on_the_host_page(
    page, host, registered, accessible, make_desk_editor, editor, live_server
):
    page.goto(f"{host.origin}/hafen.html")
    frame = embed_frame(page)
    assert "Haben Sie einen Fehler oder eine Ungenauigkeit festgestellt?" in (
        frame.inner_text("body")
    )
    accessible(frame)
    # The host's stylesheet did not reach into the frame.
    button = frame.locator("#report-form [type=submit]")
    assert button.evaluate("b => getComputedStyle(b).color") == "rgb(255, 255, 255)"
    # Nor did its rules for frames hide or shrink ours.
    box = page.locator("iframe").bounding_box()
    assert box["height"] > 300
    assert page.locator("iframe").evaluate("f => getComputedStyle(f).opacity") == "1"
    shot(page, "host-page-form")

    select_text(page, "1890", "#text")
    page.keyboard.press("Control+Enter")
    frame.wait_for_function(
        "() => document.querySelector('[name=passage]').value === '1890'"
    )
    frame.fill("[name=description]", "Der Hafen wurde 1891 eröffnet.")
    frame.click("#report-form [type=submit]")
    frame.wait_for_selector("#sent-heading")
    assert "Wir werden Ihre Kommentare so schnell wie möglich berücksichtigen." in (
        frame.inner_text("body")
    )
    accessible(frame)
    report = Report.objects.get()
    assert report.passage == "1890"
    assert report.context_before.endswith("Lindenfeld wurde ")
    external = ExternalPage.objects.get()
    # The desk read the page itself: the article's text, not the menu.
    assert "Im vergangenen Jahr legten dort rund 8000 Schiffe an." in external.text
    assert "Nachrichten aus Lindenfeld" not in external.text

    # The editors' queue has it, with the page's headline as the desk read it.
    make_desk_editor()
    desk = page.context.new_page()
    desk.goto(f"{live_server.url}/admin/login/?next=/admin/correction_desk/report/")
    desk.locator("#id_username").fill("redakteurin")
    desk.locator("#id_password").fill(DESK_PASSWORD)
    desk.locator("#id_password").press("Enter")
    desk.wait_for_url("**/admin/correction_desk/report/")
    row = desk.locator("#result_list tbody tr").first
    assert "Der Hafen wird 135" in row.inner_text()
    desk.close()
    services.correction_publish(
        content=external, editor=editor, kind="correction",
        text="Der Hafen wurde 1891 eröffnet, nicht 1890.", reports=[report],
    )  # fmt: skip
    page.reload()
    frame = embed_frame(page)
    assert "Der Hafen wurde 1891 eröffnet, nicht 1890." in frame.inner_text("body")
    accessible(frame)
    shot(page, "host-page-note")


def test_a_page_of_an_unregistered_origin_gets_no_form(
    page, host, registered, live_server
):
    """The snippet copied to another origin: we refuse the page (400), and the
    browser does not even show our answer there (frame-ancestors)."""
    stranger = HostSite(live_server.url)
    answers = []
    page.on(
        "response",
        lambda response: (
            answers.append(response.status)
            if "/embed/" in response.url and "v1.js" not in response.url
            else None
        ),
    )
    try:
        stranger.pages["/seite.html"] = host_page("Fremd", snippet(registered))
        page.goto(f"{stranger.origin}/seite.html")
        page.locator("iframe").scroll_into_view_if_needed()
        page.wait_for_function("() => true")
        page.wait_for_timeout(500)
        frame = page.locator("iframe").element_handle().content_frame()
        assert frame is None or frame.locator("#report-form").count() == 0
    finally:
        stranger.close()
    assert answers == [400]
    assert not ExternalPage.objects.exists()


def test_a_hostile_host_script_cannot_read_the_frame_or_send_as_the_reader(
    page, host, registered, live_server
):
    ExternalPage.objects.create(site=registered, url=f"{host.origin}/boese.html")
    external = ExternalPage.objects.get()
    host.files["/boese.js"] = (
        "text/javascript",
        f"var OUR = {live_server.url!r}, KEY = {registered.key!r}, "
        f"PAGE = {external.pk};" + HOSTILE_JS,
    )
    host.pages["/boese.html"] = host_page(
        "Böse", snippet(registered), '<script src="/boese.js"></script>'
    )
    page.goto(f"{host.origin}/boese.html")
    embed_frame(page)
    page.wait_for_function("() => window.hostile && window.hostile.post")
    assert page.evaluate("() => window.hostile.document") in ("null", "refused")
    assert not Report.objects.exists()  # our origin check refused the post


def test_nothing_but_the_small_script_is_fetched_until_the_form_comes_near(
    page, host, registered, live_server
):
    """What a host writes in its privacy notice: a page view fetches our script
    (which sends nothing); the frame, with the page's address, only when the
    reader scrolls near it."""
    filler = "".join(f"<p>Absatz {n} über den Hafen.</p>" for n in range(300))
    host.pages["/lang.html"] = host_page("Lang", filler + snippet(registered))
    asked = []
    page.on(
        "request",
        lambda request: (
            asked.append(request.url)
            if request.url.startswith(live_server.url)
            else None
        ),
    )
    page.goto(f"{host.origin}/lang.html")
    page.wait_for_load_state("networkidle")
    assert [url.removeprefix(live_server.url) for url in asked] == ["/embed/v1.js"]
    page.locator("iframe").scroll_into_view_if_needed()
    embed_frame(page)
    assert any(f"/embed/{registered.key}/?url=" in url for url in asked)


def test_on_a_phone_the_button_by_the_selection_hands_over_the_passage(
    touch_page, host, registered
):
    touch_page.goto(f"{host.origin}/hafen.html")
    frame = embed_frame(touch_page)
    select_text(touch_page, "8000 Schiffe", "#text")
    button = touch_page.get_by_role("button", name="Fehler melden")
    button.wait_for()
    button.click()
    frame.wait_for_function(
        "() => document.querySelector('[name=passage]').value === '8000 Schiffe'"
    )
