"""Benchmarks for newsroom, each against a baseline measured in the same run.

Run with `make bench`. It builds a throw-away production-like site (DEBUG off,
the app server as `make serve` starts it, whitenoise, SQLite; PostgreSQL + Redis too when
DATABASE_URL and REDIS_URL are set), loads it with wrk on loopback and writes
bench/RESULTS.md.
"""

import itertools
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path(tempfile.mkdtemp(prefix="newsroom-bench-"))
PORT = int(os.environ.get("BENCH_PORT", 8765))
# The baseline server: gunicorn's thread worker, 2 processes x 2 threads.
BASELINE_THREADS = 2
BASE = f"http://127.0.0.1:{PORT}"
ARTICLE = "usa-rund-8000-nordkoreanische-soldaten-in-der-region-kursk"
SECONDS = int(os.environ.get("BENCH_SECONDS", 10))
PG_URL = (
    os.environ.get("DATABASE_URL", "")
    if "postgres" in os.environ.get("DATABASE_URL", "")
    else ""
)
REDIS_URL = os.environ.get("REDIS_URL", "")

ENV = {
    **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "bench-" + "k" * 50,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_SECURE_COOKIES": "0",
    "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    "NEWSROOM_TASKS": "database",
    "NEWSROOM_SQLITE_PATH": str(WORK / "bench.sqlite3"),
    "NEWSROOM_STATIC_ROOT": str(WORK / "static"),
    "NEWSROOM_CACHE_DIR": str(WORK / "cache"),
    "NEWSROOM_REPORTS_PER_ARTICLE_PER_MINUTE": "1000000000",
    "NEWSROOM_REPORTS_PER_DAY": "1000000000",
    "NEWSROOM_DEMO_PASSWORD": "bench-redaktion-passwort",
    "BENCH_BYTES_FILE": str(WORK / "static" / "bench" / "article.html"),
    "SERVER_ACCESS_LOG": "0",
    "PYTHONPATH": str(ROOT),
}


def manage(*args, env=None):
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env or ENV, check=True
    )


class Server:
    """The app server with `make serve`'s defaults (newsroom/server.py), on loopback."""

    def command(self) -> list[str]:
        return [sys.executable, "-m", "newsroom.server"]

    def __init__(self, env):
        self.env = env
        self.log = WORK / "server.log"

    def __enter__(self):
        self.process = subprocess.Popen(
            self.command(),
            cwd=ROOT,
            env={**self.env, "SERVER_BIND": f"127.0.0.1:{PORT}"},
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("a"),
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(BASE + "/robots.txt", timeout=2)
                return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not start; see " + str(self.log))

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=30)


class Baseline(Server):
    """gunicorn's thread worker with whitenoise, 2 processes x 2 threads: the
    server the tail is compared with, and the one bakerydemo runs on."""

    def command(self) -> list[str]:
        return [
            sys.executable, "-m", "gunicorn", "--workers", "2",
            "--worker-class", "gthread", "--threads", str(BASELINE_THREADS),
            "--bind", f"127.0.0.1:{PORT}", "newsroom.wsgi:application",
        ]  # fmt: skip


def fetch(path, headers=None) -> tuple[bytes, dict]:
    url = path if path.startswith("http") else BASE + path
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read(), dict(response.headers)


def wrk(
    path, seconds=SECONDS, connections=32, script=None, args=(), headers=()
) -> dict:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", str(script)]
    url = path if path.startswith("http") else BASE + path
    command += [url, *(["--", *args] if args else [])]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", out)[1])
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    amount, unit = re.search(r"([\d.]+)([KMG]?B) read", out).groups()
    rendered = re.search(r"rendered (\d+) of (\d+)", out)
    scale = {"B": 1, "KB": 1024, "MB": 1024**2, "GB": 1024**3}[unit]
    return {
        "bytes_per_request": float(amount) * scale / max(requests, 1),
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "requests": requests,
        "bad": int(bad[1]) if bad else 0,
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
        # The latency distribution's line: "76.99%" also ends a stdev column.
        "p99": re.search(r"^\s*99%\s+(\S+)", out, re.M)[1],
        "rendered": (int(rendered[1]), int(rendered[2])) if rendered else None,
    }


def milliseconds(figure: str) -> float:
    """wrk's latency ("850.00us", "12.5ms", "1.02s") in milliseconds."""
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", figure).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def interleaved(first, second, rounds=2, check=None, headers=()):
    """Alternate two loads so that a noisy neighbour hits both alike; medians."""
    check = check or checked
    a, b = [], []
    for _ in range(rounds):
        a.append(check(wrk(first, headers=headers))["rps"])
        b.append(check(wrk(second, headers=headers))["rps"])
    return statistics.median(a), statistics.median(b)


def without_errors(result: dict) -> dict:
    assert result["bad"] == result["socket_errors"] == 0, result
    return result


def checked(result: dict) -> dict:
    """Refuse a figure made of errors or of anything but the full article page."""
    assert result["bad"] == result["socket_errors"] == 0, result
    page_size = Path(ENV["BENCH_BYTES_FILE"]).stat().st_size
    assert result["bytes_per_request"] >= page_size, result
    return result


def build_site(env) -> None:
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_demo", env={**env, "DJANGO_DEBUG": "1"})
    manage("collectstatic", "--noinput", "-v0", env=env)


def save_page_bytes(env) -> None:
    """Store the article page exactly as readers get it, for the baselines."""
    with Server(env):
        page, _ = fetch(f"/artikel/{ARTICLE}/")
    target = Path(env["BENCH_BYTES_FILE"])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(page)


def django_setup(env):
    for name in ("DATABASE_URL", "REDIS_URL"):  # only what `env` says counts
        os.environ.pop(name, None)
    os.environ.update(env)
    import django

    django.setup()


def query_counts() -> dict:
    """Queries per uncached render, as notes, authors and versions grow."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article, Author
    from articles.services import article_save
    from correction_desk.models import CorrectionNote

    article = Article.objects.get(slug=ARTICLE)
    client = Client()

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/bench/uncached/{ARTICLE}/").status_code == 200
        return len(queries)

    before = count()
    editor = get_user_model().objects.get(username="redaktion")
    for number in range(5):
        CorrectionNote.objects.create(
            content=article, text=f"Vermerk {number}", created_by=editor,
            published_at=article.published_at,
        )  # fmt: skip
        article.authors.add(Author.objects.create(name=f"Autorin {number}"))
    for number in range(20):
        article.body += f"\n\nNachtrag {number}."
        article_save(article)
    return {"small": before, "large": count()}


ROUND_NUMBERS = itertools.count(1)


def submissions(label, env, rounds=3) -> dict:
    """32 clients send distinct reports for 20 s, three times; compare responses
    and rows after each round, and report the median round."""
    from articles.models import Article
    from correction_desk.intake.stamps import make_stamp
    from correction_desk.models import Report

    article = Article.objects.get(slug=ARTICLE)
    stamp = urllib.parse.quote(make_stamp(article, issued_at=time.time() - 60))
    (WORK / "gunicorn.log").write_text("")
    results = []
    with Server(env):
        baseline = wrk("/bench/bytes/", seconds=5)["rps"]
        for _ in range(rounds):
            number = next(ROUND_NUMBERS)  # distinct texts: repeats are stored once
            before = Report.objects.count()
            result = wrk(
                f"/melden/articles.article/{article.pk}/", seconds=20, connections=32,
                script=ROOT / "bench" / "report.lua", args=[stamp, str(number)],
            )  # fmt: skip
            time.sleep(2)  # let the server finish what was in flight at wrk's end
            stored = Report.objects.count() - before
            # wrk stops counting at its deadline, and gives up on a request after
            # 2 s; requests then in flight are still stored.
            unanswered = 32 + result["socket_errors"]
            assert 0 <= stored - (result["requests"] - result["bad"]) <= unanswered, (
                f"lost or extra rows: {stored} stored, {result}"
            )
            results.append({**result, "stored": stored})
    locked = (WORK / "gunicorn.log").read_text().count("database is locked")
    median = sorted(results, key=lambda r: r["stored"])[len(results) // 2]
    return {
        "label": label,
        "ok": median["requests"] - median["bad"],
        "stored": median["stored"],
        "errors": sum(r["bad"] + r["socket_errors"] for r in results),
        "locked": locked,
        "per_second": median["stored"] / 20,
        "rounds": [r["stored"] / 20 for r in results],
        "baseline": baseline,
        "p99": median["p99"],
    }


TAIL_CONNECTIONS = (16, 64)


def tail(env) -> dict:
    """p99 and timeouts of the cached article from the app server as `make
    serve` starts it, at 16 and 64 keep-alive connections, against the same
    bytes as a static file from the baseline server (gthread and whitenoise)."""
    article, static = f"/artikel/{ARTICLE}/", "/static/bench/article.html"
    figures = {}
    for connections in TAIL_CONNECTIONS:
        with Server(env):
            fetch(article)
            ours = wrk(article, connections=connections)
        with Baseline(env):
            fetch(static)
            baseline = wrk(static, connections=connections)
        figures[connections] = {"ours": ours, "baseline": baseline}
    return figures


TAIL_INTRO = """The cached article from the app server as `make serve` starts it (granian, 2
workers × 4 threads), and the same bytes as a static file from the baseline server
(gunicorn's thread worker, 2 × 2, with whitenoise), each alone, for 10 s at 16 and
at 64 keep-alive connections. A timeout is a request wrk gave up on (2 s)."""
TAIL_HEADER = """| connections | article p99 | timeouts and errors | req/s | baseline static p99 | timeouts and errors | req/s | **p99 ratio** |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"""


def tail_rows(figures: dict) -> str:
    rows = []
    for connections, pair in figures.items():
        ours, baseline = pair["ours"], pair["baseline"]
        ratio = milliseconds(ours["p99"]) / milliseconds(baseline["p99"])
        rows.append(
            f"| {connections} | {ours['p99']} | {ours['socket_errors']} "
            f"| {ours['rps']:.0f} | {baseline['p99']} | {baseline['socket_errors']} "
            f"| {baseline['rps']:.0f} | **{ratio:.2f}** |"
        )
    return "\n".join(rows)


# Each layer of page caching that remains, switched off for an A/B in one run:
# (name, environment that switches it off, what it is measured on).
LAYERS = [
    ("the early answer (a per-process copy answered before the middleware)",
     {"BENCH_EARLY_ANSWER": "0"}, "cached"),
    ("the addresses a render asks for (templates, models, Memento), kept per process",
     {"BENCH_KEPT_URLS": "0"}, "render"),
    ("the blank report section kept per article revision",
     {"BENCH_BLANK_FORM": "0"}, "render"),
    ("the article's, authors' and notes' SQL built once per process",
     {"BENCH_PREPARED": "0"}, "render"),
    ("SQLite statements converted to its placeholders once (newsroom/sqlite_backend)",
     {"BENCH_SQLITE": "django"}, "render"),
    ("head links, header, footer and corrected-since box kept (per language, menu rows)",
     {"BENCH_KEPT_PARTS": "0"}, "render"),
]  # fmt: skip
PAIRS = {
    "cached": (f"/artikel/{ARTICLE}/", "/static/bench/article.html"),
    "render": (f"/bench/uncached/{ARTICLE}/", "/bench/bytes/"),
}


def layers(env) -> dict:
    """Each measure with every layer, then without each one in turn, alternately
    against its baseline in the same server."""

    def ratio(extra: dict, measure: str) -> dict:
        page, baseline = PAIRS[measure]
        with Server({**env, **extra}):
            fetch(page)
            ours, theirs = interleaved(page, baseline)
        return {"ours": ours, "baseline": theirs, "ratio": ours / theirs}

    figures = {"with": {m: ratio({}, m) for m in PAIRS}, "without": []}
    for name, extra, measure in LAYERS:
        figures["without"].append((name, measure, ratio(extra, measure)))
    return figures


def layer_rows(figures: dict) -> str:
    labels = {
        "cached": "cached article ÷ the same bytes from whitenoise",
        "render": "article rendered on every request ÷ a minimal view",
    }
    rows = []
    for name, measure, without in figures["without"]:
        full = figures["with"][measure]
        rows.append(
            f"| {name} | {labels[measure]} | {full['ratio']:.3f} "
            f"({full['ours']:.0f} ÷ {full['baseline']:.0f}) | {without['ratio']:.3f} "
            f"({without['ours']:.0f} ÷ {without['baseline']:.0f}) "
            f"| **{full['ratio'] / without['ratio']:.2f}** |"
        )
    return "\n".join(rows)


LAYER_INTRO = """Each layer of page caching that remains, and each thing a render keeps from the
one before, switched off alone, on the measure it is for: the cached article
against the same bytes from whitenoise (section 2), or the article rendered on
every request against a minimal view (section 3), alternately,
each in a server of its own. The gain is the ratio with every layer divided by the
ratio without this one. The server's page cache itself is section 2 against
section 3; Varnish in front is section 1."""
LAYER_HEADER = """| layer | measure | with every layer | without this one | **gain** |
| --- | --- | ---: | ---: | ---: |"""


def churn(env) -> dict:
    """Read 5 articles for SECONDS, first alone, then while a sixth is saved every
    2 s: the page cache's hit ratio and the p99 latency of both runs."""
    import threading

    from django.db import connection

    from articles.models import Article
    from articles.services import article_save

    articles = list(Article.objects.published().order_by("slug"))
    changing, read = articles[0], articles[1:6]
    paths = [article.get_absolute_url() for article in read]
    script = ROOT / "bench" / "churn.lua"

    def run():
        result = wrk(paths[0], script=script, args=paths)
        assert result["bad"] == result["socket_errors"] == 0, result
        rendered, total = result["rendered"]
        return {**result, "hit_ratio": 1 - rendered / total}

    with Server({**env, "BENCH_COUNT_RENDERS": "1"}):
        for path in paths:
            fetch(path)
        quiet = run()
        stop = threading.Event()
        saves = []

        def edit():
            while not stop.wait(2):
                article_save(changing)
                saves.append(time.time())
            connection.close()

        editor = threading.Thread(target=edit)
        editor.start()
        try:
            busy = run()
        finally:
            stop.set()
            editor.join()
    return {"quiet": quiet, "busy": busy, "saves": len(saves)}


def churn_rows(figures: dict, label: str) -> str:
    quiet, busy = figures["quiet"], figures["busy"]
    ratio = milliseconds(busy["p99"]) / milliseconds(quiet["p99"])
    rendered, total = busy["rendered"]
    return (
        f"| {label} | {quiet['hit_ratio']:.2%} | {quiet['p99']} | {quiet['rps']:.0f} "
        f"| {busy['hit_ratio']:.2%} ({rendered} renders in {total}) | {busy['p99']} "
        f"| {busy['rps']:.0f} | {figures['saves']} | **{ratio:.2f}** |"
    )


def through_varnish(env) -> dict:
    """Varnish (deploy/varnish/) in front of the server: the article and the same
    bytes as a static file through it, and how soon a correction shows."""
    from tests.scaleout.servers import Varnish, task_worker

    varnish = Varnish(WORK / "varnish")
    varnish.configure([BASE])
    env = {
        **env,
        "NEWSROOM_VARNISH_URLS": varnish.url,
        "NEWSROOM_TRUSTED_PROXIES": "127.0.0.1",
    }
    page = f"{varnish.url}/artikel/{ARTICLE}/"
    static = f"{varnish.url}/static/bench/article.html"
    with Server(env), task_worker(env):
        varnish.start()
        try:
            for url in (page, static, page, static):
                body, headers = fetch(url)
            assert headers.get("X-Cache") == "HIT", headers
            # As browsers ask: Varnish keeps the page gzipped, and would otherwise
            # unzip it for every request of wrk's.
            article_rps, static_rps = interleaved(
                page, static, check=without_errors, headers=["Accept-Encoding: gzip"]
            )
            whitenoise_rps = checked(wrk("/static/bench/article.html"))["rps"]
            delays = correction_delays(varnish.url, env)
        finally:
            varnish.stop()
    return {
        "article_rps": article_rps,
        "static_rps": static_rps,
        "whitenoise_rps": whitenoise_rps,
        "delays": delays,
    }


def correction_delays(varnish_url: str, env, count=5) -> list[float]:
    """Seconds from the editor's "publish" answered to Varnish serving the note."""
    from correction_desk.models import Report
    from tests.scaleout.servers import csrf_token, log_in

    desk = log_in(varnish_url, "redaktion", env["NEWSROOM_DEMO_PASSWORD"])
    reports = []
    for report in Report.objects.filter(status=Report.Status.NEW).order_by("pk"):
        if report.content.pk not in [seen.content.pk for seen in reports]:
            reports.append(report)
    delays = []
    for report in reports[:count]:
        url = varnish_url + report.content.get_absolute_url()
        fetch(url)
        assert fetch(url)[1].get("X-Cache") == "HIT"
        text = f"Korrigiert für die Messung, Meldung {report.pk}."
        publish = f"{varnish_url}/admin/correction_desk/report/{report.pk}/publish-correction/"
        form = desk.request(publish)[1]
        status, _ = desk.request(
            publish,
            {
                "csrfmiddlewaretoken": csrf_token(form),
                "kind": "correction",
                "text": text,
            },
        )
        published = time.monotonic()
        assert status == 302
        while text.encode() not in fetch(url)[0]:
            assert time.monotonic() - published < 30, "the correction never showed"
            time.sleep(0.005)
        delays.append(time.monotonic() - published)
    return delays


BAKERY_ROUNDS = 7
# gunicorn's two workers race for wrk's 32 connections as a round opens them,
# and now and then one worker wins them all and the other idles: that round
# measures one worker, on either side, at half the rate (bench/RESULTS.md,
# "One worker of two"). Such a round is run again, up to this many times.
BAKERY_REDOS = 3


def process_cpu(pid: int) -> dict[int, float]:
    """Seconds of CPU the server `pid` and each of its worker processes have
    used, by process."""
    ticks = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # a process that ended meanwhile
            continue
        if pid in (int(stat.parent.name), int(fields[1])):
            ticks[int(stat.parent.name)] = int(fields[11]) + int(fields[12])
    return {process: t / os.sysconf("SC_CLK_TCK") for process, t in ticks.items()}


def server_cpu(pid: int) -> float:
    """Seconds of CPU the server `pid` and its worker processes have used."""
    return sum(process_cpu(pid).values())


def loaded(url: str, pid: int) -> dict:
    """wrk's figures for `url`, the server's CPU time per request, and whether
    one worker served the round alone (90 % or more of the workers' CPU time);
    a round of that kind is run again, up to BAKERY_REDOS times."""
    for redo in range(BAKERY_REDOS + 1):
        before = process_cpu(pid)
        result = without_errors(wrk(url))
        spent = {
            process: used - before.get(process, 0.0)
            for process, used in process_cpu(pid).items()
        }
        result["cpu_ms"] = sum(spent.values()) * 1000 / max(result["requests"], 1)
        workers = [used for process, used in spent.items() if process != pid]
        result["one_worker"] = max(workers) >= 0.9 * sum(workers)
        result["redone"] = redo
        if not result["one_worker"]:
            break
    return result


def bakerydemo() -> dict | None:
    """Wagtail's bakerydemo, a public reference site, by the same recipe: its blog
    page against our uncached article, alternately. Needs a checkout with its
    demo data loaded (BENCH_BAKERYDEMO) and a Python that has its requirements
    and gunicorn (BENCH_BAKERYDEMO_PYTHON); see bench/RESULTS.md.

    Seven rounds each, ours then theirs; the ratio is the median of each
    round's ratio, so that a slower minute of this machine counts against both
    sides alike. gunicorn's workers take wrk's 32 connections as they race for
    them, and now and then one worker takes all of them, which leaves the other
    idle and halves that round, on either side (bench/RESULTS.md); the servers'
    CPU time per request does not depend on that.
    """
    root = os.environ.get("BENCH_BAKERYDEMO")
    if not root:
        return None
    port = PORT + 1
    page = f"http://127.0.0.1:{port}/blog/wild-yeast/"
    process = subprocess.Popen(
        [os.environ["BENCH_BAKERYDEMO_PYTHON"], "-m", "gunicorn", "-w", "2",
         "-k", "gthread", "--threads", str(BASELINE_THREADS),
         "-b", f"127.0.0.1:{port}", "bakerydemo.wsgi"],
        cwd=root, env={**os.environ, "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.bench"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                fetch(page)
                break
            except OSError:
                assert time.monotonic() < deadline, "bakerydemo did not start"
                time.sleep(0.5)
        with Baseline(ENV) as server:
            ours = BASE + f"/bench/uncached/{ARTICLE}/"
            # Each server answers as soon as one worker is up: until the other
            # has started too, the first takes all connections.
            for url in (ours, page):
                without_errors(wrk(url, seconds=3))
            rounds = [
                (loaded(ours, server.process.pid), loaded(page, process.pid))
                for _ in range(BAKERY_ROUNDS)
            ]
    finally:
        process.terminate()
        process.wait(timeout=30)

    def median(side: int, figure: str) -> float:
        return statistics.median(pair[side][figure] for pair in rounds)

    return {
        "ours": median(0, "rps"),
        "theirs": median(1, "rps"),
        "ratio": statistics.median(
            ours["rps"] / theirs["rps"] for ours, theirs in rounds
        ),
        "ours_cpu_ms": median(0, "cpu_ms"),
        "theirs_cpu_ms": median(1, "cpu_ms"),
        "cpu_ratio": statistics.median(
            theirs["cpu_ms"] / ours["cpu_ms"] for ours, theirs in rounds
        ),
        "rounds": [(ours["rps"], theirs["rps"]) for ours, theirs in rounds],
        "redone": [sum(pair[side]["redone"] for pair in rounds) for side in (0, 1)],
        "one_worker": [
            sum(pair[side]["one_worker"] for pair in rounds) for side in (0, 1)
        ],
    }


DATABASE_CACHE = {"BENCH_CACHE": "database"}
FILE_CACHE = {"BENCH_CACHE": "file"}


def storage_ab(rounds=3) -> list[str]:
    """Stored reports/s with our SQLite cache and with Django's database and
    file caches instead: one 20 s round of each in turn, `rounds` times; the
    medians."""
    variants = {
        "our SQLite cache": {},
        "Django's database cache": DATABASE_CACHE,
        "Django's file cache": FILE_CACHE,
    }
    manage("createcachetable", env={**ENV, **DATABASE_CACHE})
    figures = {label: [] for label in variants}
    for _ in range(rounds):
        for label, overrides in variants.items():
            figures[label].append(submissions(label, {**ENV, **overrides}, rounds=1))
    rows = []
    for label, results in figures.items():
        per_second = [result["per_second"] for result in results]
        rows.append(
            f"| {label} | **{statistics.median(per_second):.0f}** "
            f"({' / '.join(f'{figure:.0f}' for figure in per_second)}) "
            f"| {sum(result['errors'] for result in results)} "
            f"| {sum(result['locked'] for result in results)} "
            f"| {' / '.join(result['p99'] for result in results)} |"
        )
    return rows


def storage_pages() -> list[str]:
    """The cached article without the early answer (each hit reads the page and
    its keys' purge times from the shared cache), per cache backend."""
    manage("createcachetable", env={**ENV, **DATABASE_CACHE})
    rows = []
    for label, overrides in (("our SQLite cache", {}),
                             ("Django's database cache", DATABASE_CACHE),
                             ("Django's file cache", FILE_CACHE)):  # fmt: skip
        env = {**ENV, **overrides, "BENCH_EARLY_ANSWER": "0"}
        with Server(env):
            fetch(f"/artikel/{ARTICLE}/")
            page, static = interleaved(
                f"/artikel/{ARTICLE}/", "/static/bench/article.html"
            )
        rows.append(
            f"| {label} | {page:.0f} | {static:.0f} | **{page / static:.2f}** |"
        )
    return rows


def queue_figures() -> dict:
    """Changelist time and queries at 1,000 and at 100,000 reports."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from articles.models import Article
    from correction_desk.models import Report

    client = Client()
    client.force_login(get_user_model().objects.get(username="redaktion"))
    articles = list(Article.objects.select_related("section"))
    statuses = ["new", "new", "in_review", "rejected", "corrected", "spam"]

    def fill(total):
        missing = total - Report.objects.count()
        now = timezone.now()
        batch = [
            Report(
                content=articles[n % len(articles)],
                desk=articles[n % len(articles)].section.slug,
                article_revision=1,
                description=f"Massentest {n}",
                passage=f"Stelle {n}",
                status=statuses[n % len(statuses)],
                due_at=now,
            )  # fmt: skip
            for n in range(missing)
        ]
        Report.objects.bulk_create(batch, batch_size=2000)

    def measure():
        client.get("/admin/correction_desk/report/")  # warm
        times = []
        for _ in range(9):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                assert client.get("/admin/correction_desk/report/").status_code == 200
                times.append((time.perf_counter() - started) * 1000)
        return statistics.median(times), len(queries)

    fill(1_000)
    small = measure()
    fill(100_000)
    large = measure()
    return {
        "small_ms": small[0],
        "small_q": small[1],
        "ms": large[0],
        "queries": large[1],
    }


def page_weight(env) -> dict:
    """Bytes over the wire for the article page and everything it loads."""
    with Server(env):
        html, headers = fetch(f"/artikel/{ARTICLE}/", {"Accept-Encoding": "gzip"})
        plain, _ = fetch(f"/artikel/{ARTICLE}/")
        assets = re.findall(
            rb'(?:href|src)="(/static/[^"]+\.(?:css|js|woff2?))"', plain
        )
        weights = {"html": len(html), "css": 0, "js": 0, "fonts": 0}
        for asset in assets:
            body, _ = fetch(asset.decode(), {"Accept-Encoding": "br, gzip"})
            kind = asset.rsplit(b".", 1)[-1].decode()
            weights["fonts" if kind.startswith("woff") else kind] += len(body)
    weights["total"] = sum(weights.values())
    weights["uncompressed_html"] = len(plain)
    weights["gzip"] = headers.get("Content-Encoding", "")
    return weights


def main() -> None:
    os.chdir(ROOT)
    started = time.strftime("%Y-%m-%d %H:%M")
    print("Building the SQLite site in", WORK)
    build_site(ENV)
    if sys.argv[1:] == ["submissions"]:  # the write path alone, while working on it
        django_setup(ENV)
        print(submission_row(submissions("SQLite", ENV)))
        return
    if sys.argv[1:] == ["storage"]:  # our SQLite lock and cache against Django's
        django_setup(ENV)
        for row in storage_ab():
            print(row)
        return
    if sys.argv[1:] == ["transparency"]:  # the log's costs alone
        django_setup(ENV)
        from bench.transparency import figures, rows

        print(rows(figures()))
        return
    save_page_bytes(ENV)
    django_setup(ENV)
    if sys.argv[1:] == ["pages"]:  # the read path alone, for an A/B of two checkouts
        with Server(ENV):
            fetch(f"/artikel/{ARTICLE}/")
            page, static = interleaved(
                f"/artikel/{ARTICLE}/", "/static/bench/article.html"
            )
        print(
            f"cached article {page:,.0f} req/s, static {static:,.0f} req/s:"
            f" {page / static:.2f}x"
        )
        return
    if sys.argv[1:2] == ["churn"]:  # hit ratio and p99 under edits, any checkout
        label = sys.argv[2] if len(sys.argv) > 2 else "this checkout"
        print(churn_rows(churn(ENV), label))
        return
    if sys.argv[1:] == ["layers"]:  # each page-caching layer, with and without
        print(LAYER_HEADER)
        print(layer_rows(layers(ENV)))
        return
    if sys.argv[1:] == ["tail"]:  # p99 under keep-alive load, against the baseline
        print(tail_rows(tail(ENV)))
        return
    if sys.argv[1:] == ["varnish"]:
        print(through_varnish(ENV))
        return
    if sys.argv[1:] == ["bakerydemo"]:
        print(bakery_text(bakerydemo()))
        return
    if sys.argv[1:] == ["search"]:  # search over 100,000 articles
        from bench.search import rows, search_figures

        print(rows(search_figures()))
        return
    if sys.argv[1:] == ["diffs"]:  # the versions page of a 10,000-word article
        from bench.diffs import diff_figures, matching_row, rows

        figures = diff_figures()
        print(rows(figures))
        print(matching_row(figures))
        return
    if sys.argv[1:] == ["split"]:  # where the uncached render spends its time
        from bench.render_split import render_split, rows

        print(rows(render_split(ARTICLE)))
        return
    if sys.argv[1:] == ["instructions"]:  # the render, counted by valgrind
        from bench import instructions

        page = f"/bench/uncached/{ARTICLE}/"
        figures = {
            "the article, rendered on every request": instructions.per_request(
                page, ENV),
            "the same, its addresses not kept (BENCH_KEPT_URLS=0)":
                instructions.per_request(page, {**ENV, "BENCH_KEPT_URLS": "0"}),
            "a minimal view giving the same bytes": instructions.per_request(
                "/bench/bytes/", ENV),
        }  # fmt: skip
        figures.update({
            "the same, with Django's SQLite backend (BENCH_SQLITE=django)":
                instructions.per_request(page, {**ENV, "BENCH_SQLITE": "django"}),
            "the same, head, header, footer and box rendered each time (BENCH_KEPT_PARTS=0)":
                instructions.per_request(page, {**ENV, "BENCH_KEPT_PARTS": "0"}),
        })  # fmt: skip
        if (theirs := instructions.bakerydemo()) is not None:
            figures["bakerydemo's blog page (`/blog/wild-yeast/`)"] = theirs
        print(instructions.rows(figures))
        return
    if sys.argv[1:] == ["render"]:  # the uncached render alone
        with Server(ENV):
            uncached, minimal = interleaved(
                f"/bench/uncached/{ARTICLE}/", "/bench/bytes/"
            )
        print(
            f"uncached article {uncached:,.0f} req/s, minimal view {minimal:,.0f}"
            f" req/s: {uncached / minimal:.3f}x"
        )
        return
    with Server(ENV):
        fetch(f"/artikel/{ARTICLE}/")  # warm the page cache
        page_rps, static_rps = interleaved(
            f"/artikel/{ARTICLE}/", "/static/bench/article.html"
        )
        uncached_rps, bytes_rps = interleaved(
            f"/bench/uncached/{ARTICLE}/", "/bench/bytes/"
        )
    bakery = bakerydemo()
    varnish = through_varnish(ENV)
    churned = churn(ENV)
    tailed = tail(ENV)
    layered = layers(ENV)
    weight = page_weight(ENV)
    sqlite = submissions("SQLite", ENV)
    storage = storage_ab()
    storage_pages_rows = storage_pages()
    from bench.render_split import render_split

    split = render_split(ARTICLE)
    queries = query_counts()
    queue = queue_figures()
    from bench.search import search_figures

    search = search_figures()
    from bench.diffs import diff_figures

    diffs = diff_figures()
    # Last: it replaces the site's log with one of 1,000,000 records.
    from bench.transparency import figures as log_figures

    transparency = log_figures()
    postgres = None
    if PG_URL and REDIS_URL:
        postgres = run_postgres()
    write_results(locals())


def run_postgres() -> dict:
    """The submission benchmark again on PostgreSQL + Redis, in a fresh database."""
    database = urllib.parse.urlsplit(PG_URL)
    bench_db = database._replace(path="/newsroom_bench").geturl()
    admin = database._replace(path="/postgres").geturl()
    import psycopg

    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute("DROP DATABASE IF EXISTS newsroom_bench")
        connection.execute("CREATE DATABASE newsroom_bench")
    env = {**ENV, "DATABASE_URL": bench_db, "REDIS_URL": REDIS_URL}
    build_site(env)
    code = (
        "import bench.run as b, django, json; b.django_setup(b.ENV | "
        f"{{'DATABASE_URL': {bench_db!r}, 'REDIS_URL': {REDIS_URL!r}}}); "
        f"print(json.dumps(b.submissions('PostgreSQL', b.ENV | "
        f"{{'DATABASE_URL': {bench_db!r}, 'REDIS_URL': {REDIS_URL!r}}})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
        text=True, check=True,
    ).stdout  # fmt: skip
    import json

    return json.loads(out.strip().splitlines()[-1])


# What follows this line in bench/RESULTS.md is kept: A/B runs of two checkouts.
KEPT = (
    "<!-- Below: A/B runs of two checkouts, added by hand; make bench keeps them. -->"
)


TRANSPARENCY_INTRO = """\
`bench/transparency.py`, in one process on the SQLite site: an editor's publish of
a new version (`article_revise`: stored, purged and, with the log, appended and a
checkpoint signed), alternately on two copies of the demo article, one always with
the log and one always with it paused; then an inclusion and a consistency proof asked for through the site's
views, in a log of 1,000 records and in one of 1,000,000 (their hashes stored as
each append stores them). Targets: no noticeable cost for the editor; the same
small number of queries at both sizes."""


def transparency_rows(result: dict) -> str:
    from bench.transparency import rows

    return rows(result)


def write_results(r: dict) -> None:
    from bench.render_split import rows as split_rows

    sqlite, postgres, queue, weight, queries = (
        r["sqlite"], r["postgres"], r["queue"], r["weight"], r["queries"]
    )  # fmt: skip
    varnish, churned = r["varnish"], r["churned"]
    delays = varnish["delays"]
    results = ROOT / "bench" / "RESULTS.md"
    kept = results.read_text().partition(KEPT)[2] if results.exists() else ""
    rows = [
        submission_row(sqlite),
        submission_row(postgres) if postgres else "| PostgreSQL + Redis | not run (no DATABASE_URL/REDIS_URL) | | | | |",
    ]  # fmt: skip
    text = f"""# Benchmark results

Measured on {r["started"]} with `make bench` on this machine ({os.cpu_count()} cores):
the app server as `make serve` starts it (granian, 2 workers × 4 threads,
`newsroom/server.py`), DEBUG off, whitenoise, wrk on loopback with 32 connections,
{SECONDS} s per run (report submissions: 20 s). Each figure is set against a
baseline measured in the same run; throughput pairs were run alternately twice and
the medians taken. The machine is shared and noisy: compare the ratios. The baseline
server, where one is named, is gunicorn's thread worker (2 processes × {BASELINE_THREADS}
threads) with whitenoise.

## 1. The article through Varnish

Varnish 7 with `deploy/varnish/` in front of the same server; wrk asks Varnish,
accepting gzip as browsers do (the page is kept gzipped, the static file as it is).

| | requests/s |
| --- | --- |
| article page through Varnish (a hit) | {varnish["article_rps"]:.0f} |
| the same bytes as a static file through Varnish | {varnish["static_rps"]:.0f} |
| the same bytes as a static file from gunicorn + whitenoise | {varnish["whitenoise_rps"]:.0f} |
| **article through Varnish ÷ static through Varnish** | **{varnish["article_rps"] / varnish["static_rps"]:.2f}** |
| **article through Varnish ÷ static from whitenoise** | **{varnish["article_rps"] / varnish["whitenoise_rps"]:.1f}** |

## 2. The article from the application's own cache vs. the same bytes as a static file

| | requests/s |
| --- | --- |
| article page, warm page cache (anonymous) | {r["page_rps"]:.0f} |
| the same bytes from `/static/` (whitenoise, the same server) | {r["static_rps"]:.0f} |
| **ratio** (target ≥ 0.5) | **{r["page_rps"] / r["static_rps"]:.2f}** |

Each layer that makes this figure, with and without it: section 13.

## 3. Uncached article render vs. a minimal Django view with the same bytes

| | requests/s |
| --- | --- |
| article page rendered on every request | {r["uncached_rps"]:.0f} |
| minimal view returning the same bytes | {r["bytes_rps"]:.0f} |
| **ratio** (target ≥ 0.1) | **{r["uncached_rps"] / r["bytes_rps"]:.3f}** |

"Rendered on every request" is the view, its four queries (the article with its
section, picture and translation; its authors; its published notes; the menu's
sections) and its templates, every time. What each process keeps: the SQL of those
queries, built once by the ORM and sent with each request's values
(`correction_desk/support/prepared.py`; the rows are read every time); the blank
report section per article revision (`correction_desk/intake/blank_form.py`); the
addresses the page asks for (`correction_desk/support/kept_urls.py`); and the parts
that many pages show alike, rendered once per language and, for the section menu,
per the menu's rows as just read and the page's section (`newsroom/kept_parts.py`):
the head's links, the header's name, search and menu, the footer and the box
"corrected since you read it". Each with and without: section 13.

Queries per render (target ≤ 6, constant): {queries["small"]} for the demo article,
{queries["large"]} after adding 5 correction notes, 5 authors and 20 versions.

Where one render spends its time, in one process and thread
(`bench/render_split.py`: the page requested through Django's handler with a
stopwatch around each part of the view; median of 5 rounds of 200):

{split_rows(r["split"])}

{bakery_text(r["bakery"])}

## 4. Edits under read load: hit ratio and p99

wrk reads 5 articles in turn for {SECONDS} s, first alone, then while a sixth article
is saved every 2 s (from outside the server, as an editor's save would be). The hit
ratio counts the answers the page cache did not have to render.

| checkout | hit ratio, no saves | p99, no saves | req/s | hit ratio, saves | p99, saves | req/s | saves | **p99 ratio** |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
{churn_rows(churned, "this one (surrogate keys)")}

Target: hit ratio ≥ 95 % and p99 within 1.5× of the run without saves. The same
figures for the checkout before surrogate keys (one global version) are below.

## 5. From "correction published" to Varnish serving it

An editor publishes a correction through Varnish (the admin passes through it); a
reader then asks Varnish every 5 ms until the page shows the note. The task worker
polls every 0.2 s (`db_worker --interval 0.2`, as the README says to run it).

| corrections | median | slowest | each |
| --- | --- | --- | --- |
| {len(delays)} | **{statistics.median(delays):.2f} s** | {max(delays):.2f} s | {" / ".join(f"{d:.2f}" for d in delays)} |

Target: ≤ 1 s.

## 6. Report submissions: 32 concurrent clients for 20 s

| database | successful responses | rows stored | errors (all rounds) | "database is locked" (all rounds) | stored reports/s: median (each round) | baseline: minimal view req/s |
| --- | --- | --- | --- | --- | --- | --- |
{chr(10).join(rows)}

Three rounds of 20 s against one server; the table shows the median round. Every
successful response (the 302 back to the article) must have exactly one stored row:
after each round the runner checks that rows − counted responses lies between 0 and
32, since wrk stops counting at its deadline while up to 32 requests (one per
connection) are still in flight, and the server completes and stores those too. Target: ≥ 300 stored reports/s on SQLite. Each
report also queues its desk e-mail in the database (django-tasks-db), as production does.

## 7. Our SQLite cache against Django's database cache

Stored reports/s as in section 6 (the rate limits and the double-submission guard
live in the cache), one 20 s round of each in turn, three times. Django's database
cache keeps its table in the site's database; its `incr()` is a read and then a
write, so concurrent requests can lose counts and slip past a rate limit, and it
resets the counter's expiry. The A/B of the SQLite write lock that used to stand in
front of SQLite's own is below.

| cache | stored reports/s: median (each round) | errors | "database is locked" | p99 (each round) |
| --- | --- | --- | --- | --- |
{chr(10).join(r["storage"])}

Pages live in the same kind of cache. The cached article without the early answer
(section 13), so that every hit reads its page and its keys' purge times from the
shared cache, against the same bytes from whitenoise, alternately:

| cache | cached article req/s | static req/s | **ratio** |
| --- | ---: | ---: | ---: |
{chr(10).join(r["storage_pages_rows"])}

Django's file cache is not safe for what this one holds: its `add()` and `incr()`
read a file and then write one, so two workers can both "add" one double-submission
guard, and increments are lost (a flood slips past a rate limit).

## 8. The editors' queue with 100,000 reports

| reports | changelist server time (median of 9) | queries |
| --- | --- | --- |
| 1,000 (baseline) | {queue["small_ms"]:.0f} ms | {queue["small_q"]} |
| 100,000 | {queue["ms"]:.0f} ms | {queue["queries"]} |
| **ratio** | **{queue["ms"] / queue["small_ms"]:.2f}** | |

Target: ≤ 150 ms and a constant number of queries.

## 9. Article page weight over the wire

| part | bytes (compressed as sent) |
| --- | --- |
| HTML (gzip; {weight["uncompressed_html"]} bytes uncompressed) | {weight["html"]} |
| CSS (brotli) | {weight["css"]} |
| JavaScript (brotli) | {weight["js"]} |
| fonts | {weight["fonts"]} (system fonts only) |
| **total** (target ≤ 60 KB = 61,440 bytes) | **{weight["total"]}** ({weight["total"] / 61440:.2f} of the budget) |

## 10. Search over 100,000 articles (SQLite)

{search_text(r["search"])}

## 11. The versions page of a 10,000-word article

{diffs_text(r["diffs"])}

## 12. The tail under keep-alive load

{TAIL_INTRO}

{TAIL_HEADER}
{tail_rows(r["tailed"])}

Target: 0 timeouts, and a p99 ratio ≤ 2. The worker model is chosen in the A/B notes
below ("The app server's worker model").

## 13. Each layer of page caching and of the render, with and without it

{LAYER_INTRO}

{LAYER_HEADER}
{layer_rows(r["layered"])}

## 14. The transparency log: an editor's publish, and proofs at 1,000,000 records

{TRANSPARENCY_INTRO}

{transparency_rows(r["transparency"])}

{KEPT}{kept}"""
    results.write_text(text)
    print(text)


def diffs_text(figures: dict) -> str:
    from bench.diffs import matching_row, rows

    return f"""Two versions of a {figures["words"]:,}-word article (subheadings and lists
included), edited four ways. Server time of the versions page (the whole view,
rendering included, page caches emptied before each request; median of 7), the
comparison alone, and the flat word diff the page showed before on the same two
texts (the baseline):

{rows(figures)}

{matching_row(figures)}

Target: ≤ 100 ms for the page."""


def search_text(figures: dict) -> str:
    from bench.search import rows

    return f"""{figures["entries"]:,} entries. Server time of the result page (the whole view,
rendering included, page caches emptied before each request; median of 7) against the
same search over 1,000 articles and against Django's `icontains` over the same
100,000 rows (no index, no ranking: what a search without one costs):

{rows(figures)}

Target: ≤ 50 ms at 100,000 articles."""


def bakery_text(bakery: dict | None) -> str:
    if bakery is None:
        return (
            "Wagtail's bakerydemo was not run (set BENCH_BAKERYDEMO and "
            "BENCH_BAKERYDEMO_PYTHON; see the A/B notes below)."
        )
    ours = " / ".join(f"{pair[0]:.0f}" for pair in bakery["rounds"])
    theirs = " / ".join(f"{pair[1]:.0f}" for pair in bakery["rounds"])
    ratios = " / ".join(f"{pair[0] / pair[1]:.1f}" for pair in bakery["rounds"])
    return f"""Against Wagtail's bakerydemo (its blog page `/blog/wild-yeast/`, uncached, DEBUG
off, SQLite, gunicorn 2 workers × {BASELINE_THREADS} gthread threads, our article by the same
recipe), alternately, {len(bakery["rounds"])} rounds each, medians (each round in brackets;
the ratio is the median of the rounds' ratios). Rounds run again because one
worker of two had taken all connections: {bakery["redone"][0]} of ours, {bakery["redone"][1]} of bakerydemo's (so still
after {BAKERY_REDOS} more tries: {bakery["one_worker"][0]} and {bakery["one_worker"][1]}):

| | requests/s | server CPU per request |
| --- | --- | --- |
| our article, rendered on every request (gthread) | {bakery["ours"]:.0f} ({ours}) | {bakery["ours_cpu_ms"]:.2f} ms |
| bakerydemo's blog page | {bakery["theirs"]:.0f} ({theirs}) | {bakery["theirs_cpu_ms"]:.2f} ms |
| **ratio** (target ≥ 10) | **{bakery["ratio"]:.1f}** ({ratios}) | {bakery["cpu_ratio"]:.1f} |"""


def submission_row(s: dict) -> str:
    rounds = " / ".join(f"{figure:.0f}" for figure in s["rounds"])
    return (
        f"| {s['label']} | {s['ok']} | {s['stored']} | {s['errors']} | {s['locked']} "
        f"| **{s['per_second']:.0f}** ({rounds}) | {s['baseline']:.0f} |"
    )


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
