"""Screenshots of the reader's and the editor's main pages, for a person to look at.

Takes the article, the confirmation after a report and the admin queue at 390 and
1280 px from a running site with demo content (`make run`), so two checkouts can
be compared side by side:

    NEWSROOM_DEMO_PASSWORD=... make run   # in each checkout, on its own port
    .venv/bin/python -m bench.screenshots http://127.0.0.1:8000 /tmp/after

The editor logs in as the demo account; its password comes from
NEWSROOM_DEMO_PASSWORD, as for `load_demo`.
"""

import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

WIDTHS = (390, 1280)
CHROMIUM = os.environ.get("NEWSROOM_CHROMIUM", "/usr/bin/chromium")


def first_article(page, base):
    page.goto(base + "/")
    href = page.locator(".teaser-title a").first.get_attribute("href")
    return base + href if href.startswith("/") else href


def take(base: str, folder: Path, password: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--disable-background-networking", "--disable-component-update"],
        )
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 900})
            page = context.new_page()
            article = first_article(page, base)
            page.goto(article)
            page.screenshot(path=folder / f"article-{width}.png", full_page=True)
            page.locator("textarea[name='description']").fill(
                "Die Zahl im zweiten Absatz stimmt nicht."
            )
            page.locator("#fehler-melden [type='submit']").first.click()
            page.wait_for_load_state("networkidle")
            page.screenshot(path=folder / f"confirmation-{width}.png", full_page=True)
            page.goto(base + "/admin/login/?next=/admin/correction_desk/report/")
            page.locator("#id_username").fill("redaktion")
            page.locator("#id_password").fill(password)
            page.locator("#id_password").press("Enter")
            page.wait_for_load_state("networkidle")
            page.screenshot(path=folder / f"queue-{width}.png", full_page=True)
            context.close()
        browser.close()


if __name__ == "__main__":
    take(
        sys.argv[1].rstrip("/"), Path(sys.argv[2]), os.environ["NEWSROOM_DEMO_PASSWORD"]
    )
