"""The transparency log's costs: what appending adds to an editor's publish,
and what a proof costs in a log of 1,000,000 records.

Run inside the benchmark's throw-away site (bench/run.py sets it up):

- the publish: `article_revise` on a published article (a new public version,
  stored, purged, and with the log: appended and signed), alternately with the
  log and with it paused, median of many;
- the proofs: a log of 1,000 records and one of 1,000,000 (their hashes stored
  as each append stores them), an inclusion proof and a consistency proof asked
  for through the site's own views, with the queries each one sent.
"""

import statistics
import time

ROUNDS = 100
BIG = 1_000_000
SMALL = 1_000


def publish_ab() -> dict:
    from django.contrib.auth import get_user_model

    from articles.models import Article
    from articles.services import article_revise, article_save
    from correction_desk.transparency import log

    demo = Article.objects.published().order_by("pk").first()
    editor = get_user_model().objects.filter(is_staff=True).first()
    # Two articles with the demo article's text, one for each variant: an
    # article revised while the log was paused would have its missing versions
    # logged by the next revision with the log, which no real publish has.
    articles = {}
    for label in ("with the log", "without it (paused)"):
        twin = Article(
            title=f"{demo.title} ({label})", lead=demo.lead, body=demo.body,
            section=demo.section, language=demo.language, status=demo.status,
            published_at=demo.published_at,
        )  # fmt: skip
        if label == "with the log":
            articles[label] = article_save(twin)
        else:
            with log.paused():
                articles[label] = article_save(twin)
    timings = {label: [] for label in articles}
    for round_number in range(ROUNDS):
        for label, article in articles.items():
            body = f"{article.body}\n\nNachtrag {round_number}."
            started = time.perf_counter()
            # Outside a transaction the commit's callbacks run at once: the
            # signature is in the time taken.
            if label == "with the log":
                article = article_revise(
                    article=article, editor=editor, changes={"body": body}
                )
            else:
                with log.paused():
                    article = article_revise(
                        article=article, editor=editor, changes={"body": body}
                    )
            timings[label].append(time.perf_counter() - started)
            articles[label] = article
    return {
        label: statistics.median(values) * 1000 for label, values in timings.items()
    }


def fill(size: int) -> None:
    """A log of `size` records, stored as appending stores them, in bulk."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone

    from correction_desk.transparency import merkle
    from correction_desk.transparency.leaves import record_line
    from correction_desk.transparency.models import (
        Checkpoint,
        LogHash,
        LogHead,
        LogRecord,
    )

    with transaction.atomic():
        LogRecord.objects.all().delete()
        LogHash.objects.all().delete()
        Checkpoint.objects.all().delete()
        stored: dict[int, bytes] = {}
        records, hashes = [], []
        article_type = ContentType.objects.get(app_label="articles", model="article")
        now = timezone.now()

        def read(indexes):
            return [stored[index] for index in indexes]

        for n in range(size):
            data = record_line(
                "version",
                f"https://example.org/artikel/{n}/",
                1,
                now,
                "sha256:" + "0" * 64,
            )
            leaf = merkle.record_hash(data.encode())
            for offset, value in enumerate(merkle.stored_hashes(n, leaf, read)):
                index = merkle.stored_hash_index(0, n) + offset
                stored[index] = value
                hashes.append(LogHash(index=index, hash=value))
            records.append(
                LogRecord(
                    index=n, kind="version", content_type=article_type,
                    object_id=str(n), url=f"https://example.org/artikel/{n}/",
                    number=1, at=now, text_sha256="0" * 64, data=data,
                    leaf_hash=leaf.hex(),
                )
            )  # fmt: skip
            if len(hashes) > 50_000:
                LogHash.objects.bulk_create(hashes, batch_size=5_000)
                LogRecord.objects.bulk_create(records, batch_size=5_000)
                hashes, records = [], []
        LogHash.objects.bulk_create(hashes, batch_size=5_000)
        LogRecord.objects.bulk_create(records, batch_size=5_000)
        LogHead.objects.update_or_create(pk=1, defaults={"size": size})


def proofs(size: int) -> dict:
    from django.db import connection
    from django.test import Client

    client = Client()
    proof = "/transparency/get-proof-by-hash"
    consistency = "/transparency/get-sth-consistency"
    asks = {
        "inclusion": f"{proof}?leaf_index={size // 3}&tree_size={size}",
        "consistency": f"{consistency}?first={size // 2 + 1}&second={size}",
    }
    figures = {}
    for name, path in asks.items():
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(path, HTTP_HOST="127.0.0.1")
        assert response.status_code == 200, response.content
        key = "audit_path" if name == "inclusion" else "consistency"
        hashes = len(response.json()[key])
        times = []
        for _ in range(50):
            started = time.perf_counter()
            client.get(path, HTTP_HOST="127.0.0.1")
            times.append(time.perf_counter() - started)
        figures[name] = {
            "queries": len(queries),
            "hashes": hashes,
            "ms": statistics.median(times) * 1000,
        }
    return figures


def figures() -> dict:
    publish = publish_ab()
    fill(SMALL)
    small = proofs(SMALL)
    started = time.perf_counter()
    fill(BIG)
    filled = time.perf_counter() - started
    big = proofs(BIG)
    return {"publish": publish, "small": small, "big": big, "fill_seconds": filled}


def rows(result: dict) -> str:
    with_log, without = result["publish"].values()
    cost = f"{with_log - without:+.2f} ms ({with_log / without:.2f}×)"
    lines = [
        "| an editor's publish (`article_revise`) | ms, median of 100 |",
        "| --- | --- |",
        f"| with the log (appended and signed) | {with_log:.2f} |",
        f"| without it (paused) | {without:.2f} |",
        f"| **cost of the log** | **{cost}** |",
        "",
        "| proof (the site's view) | records | queries | hashes | ms, median of 50 |",
        "| --- | --- | --- | --- | --- |",
    ]
    for size, key in ((SMALL, "small"), (BIG, "big")):
        for name in ("inclusion", "consistency"):
            f = result[key][name]
            figures = f"{f['queries']} | {f['hashes']} | {f['ms']:.2f}"
            lines.append(f"| {name} | {size:,} | {figures} |")
    lines.append("")
    lines.append(
        f"(Storing the 1,000,000 records and their {2 * BIG:,} hashes in bulk took "
        f"{result['fill_seconds']:.0f} s.)"
    )
    return "\n".join(lines)
