"""`make audit`: outside checkers on the production-like site, page by page.

Starts the site as `make serve` does (DEBUG off, collected and compressed static
files, the app server) on a throwaway SQLite database with the demo content, then runs
Lighthouse 12 (Debian's Chromium, mobile and desktop presets) and the Nu Html
Checker (vnu.jar, Debian's Java) on the pages the axe tests cover, and prints one
Markdown table (bench/AUDIT.md keeps the last one). Lighthouse neither sends
forms nor audits a page that answers 404, so the form-error page and the 404 page
are checked by the Nu checker here (and by axe in the browser tests).

    make audit              # or: .venv/bin/python -m bench.audit [--write]
"""

import argparse
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT / "bench" / "audit" / "node_modules"
# The checkout whose site is audited: this one, or another for a baseline (--site).
SITE = ROOT
LIGHTHOUSE = TOOLS / ".bin" / "lighthouse"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-sync "
    "--disable-background-networking --disable-component-update"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PORT = int(os.environ.get("NEWSROOM_AUDIT_PORT", 8765))
BASE = f"http://127.0.0.1:{PORT}"

# Made in the audit's own database: a report (status and confirmation pages) and
# a second version of the demo's first article (the versions page).
SETUP = """
from articles.models import Article
from correction_desk import services
from correction_desk.intake.status import status_url
from django.contrib.auth import get_user_model
from articles.services import article_save
article = Article.objects.filter(language="de").order_by("pk").first()
editor = get_user_model().objects.get(username="redaktion")
article.body = article.body + "\\n\\nEin Absatz, später ergänzt."
article_save(article, editor=editor)
report = services.report_submit(content=article, description="Die Zahl stimmt nicht.")
# The English translation of the Kursk article: hreflang and its German link.
english = Article.objects.filter(language="en", translation__isnull=False).first()
print("AUDIT-URLS", article.get_absolute_url(), article.section.get_absolute_url(),
      article.slug, article.revision, status_url(report), english.canonical_path())
"""


def manage(env, *args, capture=False):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=SITE,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    ).stdout


def start_site(workdir: Path) -> tuple[subprocess.Popen, dict]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "audit-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DATABASE_URL": f"sqlite:///{workdir / 'audit.sqlite3'}",
        "NEWSROOM_STATIC_ROOT": str(workdir / "static"),
        "NEWSROOM_CACHE_DIR": str(workdir / "cache"),
        "NEWSROOM_BASE_URL": BASE,
        "NEWSROOM_DEMO_PASSWORD": "audit-" + "y" * 20,
    }
    env.pop("REDIS_URL", None)
    # The content is made as `make serve` makes it: in development mode.
    development = {**env, "DJANGO_DEBUG": "1"}
    manage(development, "migrate", "--noinput", "-v0")
    manage(development, "load_demo", "-v0")
    output = manage(development, "shell", "-c", SETUP, capture=True)
    urls = next(line for line in output.splitlines() if line.startswith("AUDIT-URLS"))
    article, section, slug, revision, status, english = urls.split()[1:]
    manage(env, "collectstatic", "--noinput", "-v0")
    server = subprocess.Popen(
        [str(SITE / ".venv" / "bin" / "python"), "-m", "newsroom.server"],
        cwd=SITE,
        env={**env, "SERVER_BIND": f"127.0.0.1:{PORT}", "SERVER_ACCESS_LOG": "0"},
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(BASE + "/", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    else:
        server.terminate()
        raise SystemExit(f"The site did not start on {BASE}.")
    pages = {
        "front": ("/", True),
        "section": (section, True),
        "article": (article, True),
        "log": ("/korrekturen/", True),
        "policy": ("/korrekturen/grundsaetze/", True),
        "versions": (f"/artikel/{slug}/versionen/?from=1&to={revision}", False),
        "status": (status, False),
        "confirmation": (status + "?gesendet=1", False),
        "search": ("/suche/?q=Soldaten", False),
        "English front": ("/en/", True),
        "English article": (english, True),
    }
    return server, pages


def form_error_html(article: str) -> str:
    """The article page as a reader sees it after sending an empty form."""

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(BASE + article).read().decode()
    form = re.search(r'<form[^>]*id="report-form"[^>]*>', page).group(0)
    action = re.search(r'action="([^"]+)"', form).group(1)
    data = urllib.parse.urlencode({"description": "", "send": "1"})
    request = urllib.request.Request(
        BASE + action,
        data=data.encode(),
        headers={"Origin": BASE, "Referer": BASE + article},
    )
    try:
        return opener.open(request).read().decode()
    except urllib.error.HTTPError as error:  # a form with errors may answer 400
        return error.read().decode()


def lighthouse(url: str, preset: str, outdir: Path, attempt_id: int = 0) -> dict:
    out = outdir / f"{abs(hash((url, preset, attempt_id)))}.json"
    args = [
        str(LIGHTHOUSE),
        url if url.startswith("http") else BASE + url,
        f"--chrome-path={CHROMIUM}",
        f"--chrome-flags={CHROME_FLAGS}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--locale=de",
    ]
    if preset == "desktop":
        args.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    # Lighthouse now and then fails to record a trace (NO_NAVSTART): try again.
    for attempt in range(3):
        if subprocess.run(args, timeout=180, env=env).returncode == 0:
            break
        print(f"  Lighthouse failed on {url} ({preset}), attempt {attempt + 1}")
    else:
        raise SystemExit(f"Lighthouse failed three times on {url} ({preset}).")
    report = json.loads(out.read_text())
    scores = {
        name: round(category["score"] * 100)
        for name, category in report["categories"].items()
    }
    failing = sorted(
        audit_id
        for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
    )
    return {"scores": scores, "failing": failing}


def nu_errors(documents: dict[str, str], workdir: Path) -> dict[str, list[str]]:
    files = {}
    for name, html in documents.items():
        path = workdir / f"nu-{len(files)}.html"
        path.write_text(html)
        files[str(path)] = name
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        check=True,
    )
    errors = {name: [] for name in documents}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        if message["type"] == "error":
            name = files[message["url"].removeprefix("file:")]
            errors[name].append(message["message"])
    return errors


EMBED_SETUP = """
from correction_desk.embed.admin import snippet
from correction_desk.embed.models import EmbedSite
site = EmbedSite.objects.create(
    name="Lokalzeitung", origins="{origin}", text_selector="#text"
)
print("AUDIT-SNIPPET", snippet(site).replace(chr(10), " "))
"""

HOST_PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Eine Lokalzeitung, die das Formular einbettet.">
<title>Der Hafen wird 135 – Lokalzeitung</title></head><body><main>
<article id="text"><h1>Der Hafen wird 135</h1>{paragraphs}</article>{embed}</main>
</body></html>"""


def embed_ab(workdir: Path, runs: int = 3) -> str:
    """Lighthouse's performance on a host page with and without the snippet
    (median of `runs` each, mobile preset): the embed's cost to the host."""
    import http.server
    import statistics
    import threading

    pages = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    host = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    origin = f"http://127.0.0.1:{host.server_address[1]}"
    threading.Thread(target=host.serve_forever, daemon=True).start()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir / 'audit.sqlite3'}",
           "DJANGO_DEBUG": "1", "NEWSROOM_BASE_URL": BASE}  # fmt: skip
    output = manage(env, "shell", "-c", EMBED_SETUP.format(origin=origin), capture=True)
    embed = next(
        line for line in output.splitlines() if line.startswith("AUDIT-SNIPPET")
    )
    paragraphs = "".join(
        f"<p>Absatz {n}: Der Hafen von Lindenfeld wurde 1890 eröffnet und ist "
        "heute der größte im Land; im vergangenen Jahr legten dort 8000 Schiffe an.</p>"
        for n in range(12)
    )
    pages["/ohne.html"] = HOST_PAGE.format(paragraphs=paragraphs, embed="")
    pages["/mit.html"] = HOST_PAGE.format(
        paragraphs=paragraphs, embed=embed.removeprefix("AUDIT-SNIPPET ")
    )
    scores = {"ohne": [], "mit": []}
    try:
        for attempt in range(runs):
            for name in scores:
                result = lighthouse(f"{origin}/{name}.html", "mobile", workdir, attempt)
                scores[name].append(result["scores"]["performance"])
    finally:
        host.shutdown()
    without, with_embed = (statistics.median(scores[n]) for n in ("ohne", "mit"))
    return (
        "| host page (Lighthouse mobile, median of "
        f"{runs}) | performance | runs |\n| --- | --- | --- |\n"
        f"| without the embed | {without:.0f} | {scores['ohne']} |\n"
        f"| with the embed's snippet | {with_embed:.0f} | {scores['mit']} |\n"
        f"| **difference** (target ≥ −1) | **{with_embed - without:+.0f}** | |"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update bench/AUDIT.md")
    parser.add_argument("--site", type=Path, help="audit another checkout (baseline)")
    parser.add_argument(
        "--embed", action="store_true", help="only the embed's cost to a host page"
    )
    options = parser.parse_args()
    global SITE
    SITE = (options.site or ROOT).resolve()
    if options.embed:
        with tempfile.TemporaryDirectory() as tmp:
            server, _ = start_site(Path(tmp))
            try:
                table = embed_ab(Path(tmp))
            finally:
                server.terminate()
                server.wait()
        print(table)
        if options.write:
            write(table, marker="embed")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        server, pages = start_site(workdir)
        try:
            documents = {}
            for name, (url, _) in pages.items():
                try:
                    documents[name] = urllib.request.urlopen(BASE + url).read().decode()
                except urllib.error.HTTPError as error:  # the 404 page
                    documents[name] = error.read().decode()
            documents["form error"] = form_error_html(pages["article"][0])
            try:
                urllib.request.urlopen(BASE + "/gibt-es-nicht/")
            except urllib.error.HTTPError as error:
                documents["404"] = error.read().decode()
            nu = nu_errors(documents, workdir)
            rows, missed = [], []
            for name, (url, indexable) in pages.items():
                row = {"page": name, "indexable": indexable}
                for preset in ("mobile", "desktop"):
                    result = lighthouse(url, preset, workdir)
                    row[preset] = result
                    target = 100
                    for category, score in result["scores"].items():
                        if score < target and (indexable or category != "seo"):
                            missed.append(f"{name} {preset} {category} {score}")
                rows.append(row)
                print(
                    f"  {name}: {row['mobile']['scores']} / {row['desktop']['scores']}",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait()
    table = render(rows, nu)
    print(table)
    if missed or any(nu.values()):
        print("Targets missed:", *missed, *(f"{k}: {v}" for k, v in nu.items() if v))
    if options.write:
        write(table)
    return 1 if missed or any(nu.values()) else 0


def render(rows, nu) -> str:
    lines = [
        "| page | indexed | mobile P/A/BP/SEO | desktop P/A/BP/SEO | Nu errors "
        "| audits below 100 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        cells = []
        for preset in ("mobile", "desktop"):
            scores = row[preset]["scores"]
            cells.append("/".join(str(scores[c]) for c in CATEGORIES))
        failing = sorted(set(row["mobile"]["failing"]) | set(row["desktop"]["failing"]))
        lines.append(
            f"| {row['page']} | {'yes' if row['indexable'] else 'noindex'} | "
            f"{cells[0]} | {cells[1]} | {len(nu[row['page']])} | "
            f"{', '.join(failing) or '–'} |"
        )
    for name, why in (("form error", "a POST"), ("404", "answers 404")):
        lines.append(f"| {name} | noindex | ({why}: Nu only) | | {len(nu[name])} | |")
    return "\n".join(lines)


def write(table: str, marker: str = "audit") -> None:
    path = ROOT / "bench" / "AUDIT.md"
    text = path.read_text() if path.exists() else ""
    start, end = f"<!-- {marker}:start -->", f"<!-- {marker}:end -->"
    if start in text:
        before, rest = text.split(start, 1)
        text = before + start + "\n" + table + "\n" + end + rest.split(end, 1)[1]
    else:
        text += f"\n{start}\n{table}\n{end}\n"
    path.write_text(text)


if __name__ == "__main__":
    sys.exit(main())
