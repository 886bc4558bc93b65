"""Real-browser tests: Playwright driving Debian's Chromium, never a downloaded one."""

import importlib
import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; Django would then
# refuse ORM calls made by the test itself to set up data.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machine has no network beyond loopback; stop Chromium calling home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    """Every test in this folder drives the browser, whether or not its file
    says so: `-m "not browser"` (the clock passes of .ci/any-moment) leaves
    them all out."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        message = (
            "Chromium is not installed; browser tests need Debian's package: "
            "sudo apt-get install chromium (or set CHROMIUM_PATH)."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def touch_page(browser, live_server):
    """A phone: touch screen, coarse pointer, 390 px wide."""
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", has_touch=True, is_mobile=True,
        viewport={"width": 390, "height": 800},
    )  # fmt: skip
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


DESK_PASSWORD = "ein-langes-redaktionspasswort"

SELECT_TEXT = """([selector, text]) => {
  const container = document.querySelector(selector);
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const start = node.textContent.indexOf(text);
    if (start >= 0) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + text.length);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
  }
  return false;
}"""


def select_text(page, text: str, selector: str = "#article-body") -> None:
    """Select `text` in the element `selector`, as a reader drags over it."""
    assert page.evaluate(SELECT_TEXT, [selector, text]), f"{text!r} not found"


@pytest.fixture
def make_desk_editor(django_user_model, editors_group):
    """An editor of the desk who logs in with DESK_PASSWORD."""

    def make(username="redakteurin"):
        user = django_user_model.objects.create_user(
            username, password=DESK_PASSWORD, is_staff=True
        )
        user.groups.add(editors_group)
        return user

    return make


@pytest.fixture
def page_without_js(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def editors_group(transactional_db):
    """The editors' group, as its data migration makes it.

    Browser tests need real commits, and the database is flushed after each of
    them, which also removes what data migrations created.
    """
    from django.apps import apps
    from django.contrib.auth.models import Group

    migration = importlib.import_module("newsroom.migrations.0002_editors_group")
    migration.create_editors_group(apps, None)
    return Group.objects.get(name=migration.GROUP)


WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="session")
def axe_source():
    """axe-core from the npm registry (package.json), installed by `make test`."""
    return AXE_SCRIPT.read_text()


def axe_report(violations) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"  {' '.join(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)


@pytest.fixture
def accessible(axe_source):
    """Check the page as it stands with axe-core: no WCAG 2.2 AA violation.

    The script goes in by evaluate(), which the page's CSP does not govern, so
    the page is checked with the same policy readers get.
    """

    def check(page, context=None):
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.evaluate(axe_source)
        options = {"runOnly": {"type": "tag", "values": WCAG_AA}}
        violations = page.evaluate(
            "([context, options]) => axe.run(context || document, options)"
            ".then(results => results.violations)",
            [context, options],
        )
        assert not violations, axe_report(violations)

    return check
