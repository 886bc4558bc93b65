"""The transparency log on our articles: every public version and every step of
a note is logged, signed and proven; what leaves the public leaves its record
behind; nothing a client sends makes it fail."""

import base64
import datetime
import hashlib
import json

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import ArticleVersion
from articles.services import article_revise, article_unpublish
from correction_desk import services
from correction_desk.transparency import log, merkle
from correction_desk.transparency.models import Checkpoint, LogRecord
from correction_desk.transparency.signed_note import open_note, parse_checkpoint

MOMENT = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def clock():
    with time_machine.travel(MOMENT, tick=False) as traveller:
        yield traveller


@pytest.fixture
def history(clock, make_article, editor, django_capture_on_commit_callbacks):
    """An article published, revised twice, with a note amended and withdrawn."""
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(
            title="Hafen eröffnet",
            lead="Ein Vorspann.",
            body="Der Hafen wurde 1890 eröffnet.",
        )
    for year in (1891, 1892):
        clock.shift(datetime.timedelta(hours=1))
        with django_capture_on_commit_callbacks(execute=True):
            article = article_revise(
                article=article,
                editor=editor,
                changes={"body": f"Der Hafen wurde {year} eröffnet."},
            )
    clock.shift(datetime.timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        note = services.correction_publish(
            content=article, editor=editor, kind="correction",
            text="Das Jahr war falsch.", reports=[],
        )  # fmt: skip
    clock.shift(datetime.timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        note = services.note_amend(
            note=note, editor=editor, text="Das Jahr stimmte nicht."
        )
    clock.shift(datetime.timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        note = services.note_withdraw(note=note, editor=editor, reason="Irrtum.")
    return article, note


def kinds() -> list[tuple[str, int]]:
    return list(LogRecord.objects.values_list("kind", "number"))


def latest(client, signer):
    response = client.get("/transparency/checkpoint")
    assert response.status_code == 200
    return parse_checkpoint(
        open_note(response.content.decode(), signer.verifier_text())
    )


def test_every_version_and_every_step_of_a_note_is_logged_in_order(log_key, history):
    assert kinds() == [
        ("version", 1), ("version", 2), ("version", 3),
        ("note-published", 1), ("note-amended", 2), ("note-withdrawn", 3),
    ]  # fmt: skip
    first = LogRecord.objects.get(index=0)
    assert first.data.startswith(
        "version http://127.0.0.1:8000/artikel/hafen-eroeffnet/ 1 "
    )
    assert first.data.endswith(f" sha256:{first.text_sha256}\n")


def test_the_signed_checkpoint_proves_every_record_and_its_text(
    client, log_key, history
):
    origin, size, root = latest(client, log_key)
    assert (origin, size) == ("127.0.0.1:8000/transparency", 6)
    entries = client.get("/transparency/get-entries?start=0&end=5").json()["entries"]
    for entry in entries:
        index = entry["leaf_index"]
        data = base64.b64decode(entry["leaf_input"])
        proof = client.get(
            f"/transparency/get-proof-by-hash?leaf_index={index}&tree_size={size}"
        ).json()["audit_path"]
        merkle.check_record(
            [base64.b64decode(h) for h in proof], size, root, index,
            merkle.record_hash(data),
        )  # fmt: skip
        text = client.get(f"/transparency/text/{index}").content
        assert data.decode().endswith(f" sha256:{hashlib.sha256(text).hexdigest()}\n")
    # The same proof, asked for by the record's hash (RFC 6962's get-proof-by-hash).
    leaf = base64.b64encode(
        merkle.record_hash(base64.b64decode(entries[2]["leaf_input"]))
    )
    by_hash = client.get("/transparency/get-proof-by-hash", {"hash": leaf.decode()})
    assert by_hash.json()["leaf_index"] == 2


def test_each_older_checkpoint_is_continued_by_the_latest(client, log_key, history):
    _, size, root = latest(client, log_key)
    for older in Checkpoint.objects.exclude(size=size):
        response = client.get(f"/transparency/checkpoint/{older.size}")
        _, old_size, old_root = parse_checkpoint(
            open_note(response.content.decode(), log_key.verifier_text())
        )
        proof = client.get(
            f"/transparency/get-sth-consistency?first={old_size}&second={size}"
        ).json()["consistency"]
        merkle.check_tree(
            [base64.b64decode(h) for h in proof], size, root, old_size, old_root
        )


def test_a_text_changed_behind_the_logs_back_no_longer_matches(
    client, log_key, history
):
    article, _ = history
    ArticleVersion.objects.filter(article=article, revision=1).update(
        body="Der Hafen wurde 1889 eröffnet."
    )  # a stealth edit of what readers read in version 1
    record = LogRecord.objects.get(kind="version", number=1)
    served = client.get(f"/transparency/text/{record.index}").content
    assert hashlib.sha256(served).hexdigest() != record.text_sha256


def test_unpublishing_appends_a_removal_and_the_texts_leave(
    client, log_key, history, editor, django_capture_on_commit_callbacks
):
    article, _ = history
    with django_capture_on_commit_callbacks(execute=True):
        article_unpublish(article=article, editor=editor)
    removal = LogRecord.objects.last()
    assert (removal.kind, removal.reason) == ("removed", "unpublished")
    assert removal.data.endswith(" reason:unpublished\n")
    assert LogRecord.objects.count() == 7  # every earlier record stays
    assert client.get("/transparency/text/0").status_code == 410
    # Whoever kept the text can still prove it was published.
    _, size, root = latest(client, log_key)
    proof = client.get(f"/transparency/get-proof-by-hash?leaf_index=0&tree_size={size}")
    merkle.check_record(
        [base64.b64decode(h) for h in proof.json()["audit_path"]], size, root, 0,
        merkle.record_hash(LogRecord.objects.get(index=0).data.encode()),
    )  # fmt: skip


def test_a_draft_and_a_save_that_changes_nothing_are_not_logged(
    log_key, clock, make_article, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft = make_article(status="draft", published_at=None)
    assert not LogRecord.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article()
        article_revise(article=article, editor=editor, changes={"body": article.body})
    assert kinds() == [("version", 1)]
    assert draft.pk != article.pk


def test_catch_up_logs_what_was_public_before_the_log_once_oldest_first(
    clock, make_article, django_capture_on_commit_callbacks
):
    with log.paused(), django_capture_on_commit_callbacks(execute=True):
        newer = make_article(published_at=MOMENT - datetime.timedelta(days=1))
        older = make_article(published_at=MOMENT - datetime.timedelta(days=9))
    assert not LogRecord.objects.exists()
    assert log.catch_up() == 2
    assert [r.object_id for r in LogRecord.objects.all()] == [
        str(older.pk),
        str(newer.pk),
    ]
    assert log.catch_up() == 0


def test_without_the_key_publishing_goes_on_and_records_wait_for_it(
    settings, clock, make_article, django_capture_on_commit_callbacks, capsys
):
    with django_capture_on_commit_callbacks(execute=True):
        make_article()
    assert LogRecord.objects.count() == 1
    assert not Checkpoint.objects.exists()
    with pytest.raises(CommandError, match="Signaturschlüssel fehlt"):
        call_command("transparency_log", "status")
    assert "1 warten auf eine Signatur" in capsys.readouterr().out
    from correction_desk.transparency.signed_note import Signer

    settings.CORRECTION_DESK_LOG_KEY = Signer.generate("example.org/log").private_text()
    call_command("transparency_log", "sign")
    assert Checkpoint.objects.get().size == 1


@pytest.mark.parametrize(
    "query",
    [
        "get-entries?start=x&end=2",
        "get-entries?start=5&end=2",
        "get-entries?start=99999999999999999999&end=1",
        "get-proof-by-hash?leaf_index=6&tree_size=6",
        "get-proof-by-hash?leaf_index=0&tree_size=7",
        "get-proof-by-hash?leaf_index=-1",
        "get-proof-by-hash?hash=not-base64",
        "get-proof-by-hash",
        "get-sth-consistency?first=4&second=3",
        "get-sth-consistency?first=1&second=70",
        "get-sth-consistency?first=0&second=3",
    ],
)
def test_values_out_of_range_get_a_400_that_says_why(client, log_key, history, query):
    response = client.get(f"/transparency/{query}")
    assert response.status_code == 400
    assert response.json()["error"]


@pytest.mark.parametrize(
    "path", ["checkpoint/99999999999999999999999", "checkpoint/4000", "text/424242"]
)
def test_what_does_not_exist_is_a_404(client, log_key, history, path):
    assert client.get(f"/transparency/{path}").status_code == 404


def test_the_log_is_read_only(client, log_key, history):
    assert client.post("/transparency/checkpoint").status_code == 405
    assert client.post("/transparency/get-entries?start=0&end=1").status_code == 405


def test_a_proof_costs_the_same_few_queries_in_a_small_and_a_large_log(
    client, log_key, history, django_assert_max_num_queries
):
    for n in range(120):  # the log grows twentyfold
        log._append(
            kind="removed", url=f"https://example.org/{n}", number=1,
            at=MOMENT, reason="unpublished", **log._content_fields(history[0]),
        )  # fmt: skip
    for size in (6, 126):
        with django_assert_max_num_queries(2):
            response = client.get(
                f"/transparency/get-proof-by-hash?leaf_index=3&tree_size={size}"
            )
        assert response.status_code == 200


def test_the_feeds_and_the_json_record_carry_the_latest_checkpoint(
    client, log_key, history
):
    checkpoint = Checkpoint.objects.first()
    record = client.get("/korrekturen.json").json()
    assert record["transparency"]["checkpoint"] == checkpoint.note
    assert record["transparency"]["size"] == checkpoint.size
    for feed in ("/korrekturen/feed/", "/korrekturen/feed/atom/"):
        body = client.get(feed).content.decode()
        assert 'xmlns:tlog="https://c2sp.org/tlog-checkpoint"' in body
        assert checkpoint.note.splitlines()[2] in body  # its root hash


def test_the_hub_hears_of_a_new_checkpoint(
    settings,
    log_key,
    clock,
    make_article,
    waiting_queue,
    django_capture_on_commit_callbacks,
):
    from correction_desk.support import websub

    settings.CORRECTION_DESK_WEBSUB_HUB = "https://hub.example.org/"
    with django_capture_on_commit_callbacks(execute=True):
        make_article()
    topics = [
        url
        for result in waiting_queue.waiting(websub.ping_hub)
        for url in result.args[1]
    ]
    assert "http://127.0.0.1:8000/transparency/checkpoint" in topics
    assert "http://127.0.0.1:8000/korrekturen/feed/" in topics


def test_the_record_page_explains_the_record_and_shows_its_proof(
    client, log_key, history
):
    page = client.get("/korrekturen/protokoll/1/").content.decode()
    assert "Diese Fassung ist im öffentlichen Protokoll eingetragen" in page
    assert Checkpoint.objects.first().note.splitlines()[2] in page
    assert "get-proof-by-hash?leaf_index=1&amp;tree_size=6" in page
    assert client.get("/korrekturen/protokoll/x/").status_code == 404
    assert client.get("/korrekturen/protokoll/99/").status_code == 404


def test_the_versions_page_says_each_version_is_in_the_log(client, log_key, history):
    article, _ = history
    page = client.get(f"/artikel/{article.slug}/versionen/").content.decode()
    assert page.count("Diese Fassung ist im öffentlichen Protokoll eingetragen") == 3
    for record in LogRecord.objects.filter(kind="version"):
        assert f'href="/korrekturen/protokoll/{record.index}/"' in page


def test_a_pasted_text_is_found_whatever_its_spacing(client, log_key, history):
    text = "Hafen  eröffnet\n\nEin Vorspann.\r\n Der Hafen wurde 1891 eröffnet. "
    page = client.post("/korrekturen/protokoll/pruefen/", {"text": text})
    assert page.status_code == 200
    body = page.content.decode()
    assert "Dieser Text ist im Protokoll." in body
    assert 'href="/korrekturen/protokoll/1/"' in body
    other = client.post(
        "/korrekturen/protokoll/pruefen/", {"text": "Der Hafen wurde 1889 eröffnet."}
    )
    assert "Kein eingetragener Text stimmt damit überein." in other.content.decode()


def test_a_text_too_long_to_check_is_refused_and_kept(client, log_key, history):
    text = "Wort " * 20_000
    page = client.post("/korrekturen/protokoll/pruefen/", {"text": text})
    assert page.status_code == 400
    body = page.content.decode()
    assert "höchstens 80000 Zeichen" in body.replace(".", "")
    assert text.strip()[:100] in body


def test_the_record_matches_its_published_schema(client, log_key, history):
    import jsonschema
    from django.conf import settings

    schema = json.loads(
        (
            settings.BASE_DIR
            / "correction_desk/static/schema/corrections-record.schema.json"
        ).read_text()
    )
    jsonschema.validate(client.get("/korrekturen.json").json(), schema)


def test_the_article_page_names_its_timegate_cached_or_not(client, log_key, history):
    article, _ = history
    for _ in range(2):  # rendered, then from the page cache
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        link = response["Link"]
        timegate = f"/transparency/memento/timegate/articles.article/{article.pk}"
        assert f'{timegate}>; rel="timegate"' in link
        assert 'rel="timemap"; type="application/link-format"' in link
        assert "accept-datetime" not in response.get("Vary", "").lower()


def test_the_timemap_lists_every_version_and_the_timegate_refuses_a_bad_date(
    client, log_key, history
):
    article, _ = history
    timemap = client.get(f"/transparency/memento/timemap/articles.article/{article.pk}")
    assert timemap["Content-Type"] == "application/link-format"
    lines = timemap.content.decode().splitlines()
    assert [line.split(">")[0].rsplit("/", 1)[1] for line in lines[3:]] == [
        "1",
        "2",
        "3",
    ]
    assert 'rel="first memento"' in lines[3] and 'rel="last memento"' in lines[5]
    gate = f"/transparency/memento/timegate/articles.article/{article.pk}"
    refused = client.get(gate, headers={"accept-datetime": "2026-03-02 10:00"})
    assert refused.status_code == 400
    assert "HTTP-Datum" in refused.content.decode()
    latest_version = client.get(gate)
    assert latest_version["Location"].endswith("/3")


@pytest.mark.parametrize("revision", ["4", "x", "0", "99999999999999999999"])
def test_a_memento_that_does_not_exist_is_a_404(client, log_key, history, revision):
    article, _ = history
    path = f"/transparency/memento/articles.article/{article.pk}/{revision}"
    assert client.get(path).status_code == 404


def test_an_unpublished_article_has_no_timegate_timemap_or_mementos(
    client, log_key, history, editor, django_capture_on_commit_callbacks
):
    article, _ = history
    with django_capture_on_commit_callbacks(execute=True):
        article_unpublish(article=article, editor=editor)
    for path in (
        f"timegate/articles.article/{article.pk}",
        f"timemap/articles.article/{article.pk}",
        f"articles.article/{article.pk}/1",
        "timegate/auth.user/1",
        "timegate/nothing/1",
    ):
        assert client.get(f"/transparency/memento/{path}").status_code == 404


def test_a_memento_says_when_the_text_read_so(client, log_key, history):
    article, _ = history
    page = client.get(f"/transparency/memento/articles.article/{article.pk}/2")
    assert page["Memento-Datetime"] == "Mon, 02 Mar 2026 10:00:00 GMT"
    body = page.content.decode()
    assert "Der Hafen wurde 1891 eröffnet." in body
    assert "So lautete der Text vom" in body
    assert 'rel="original"' in page["Link"] and 'prev memento"' in page["Link"]


def test_an_editor_records_a_court_order_for_content_already_offline(
    admin_client, log_key, history, editor, django_capture_on_commit_callbacks
):
    article, _ = history
    changelist = "/admin/correction_desk/logrecord/"
    first = LogRecord.objects.first()
    action = {"action": "removed_by_court_order", "_selected_action": [first.index]}
    refused = admin_client.post(changelist, action, follow=True)
    assert "noch öffentlich" in refused.content.decode()
    assert not LogRecord.objects.filter(kind="removed").exists()
    with django_capture_on_commit_callbacks(execute=True):
        article_unpublish(article=article, editor=editor)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(changelist, action, follow=True)
        admin_client.post(changelist, action, follow=True)  # once is enough
    assert list(
        LogRecord.objects.filter(kind="removed").values_list("reason", flat=True)
    ) == ["unpublished", "court-order"]
    assert LogRecord.objects.last().data.endswith(" reason:court-order\n")
    # Read only: nobody adds, changes or deletes a record.
    assert admin_client.get(f"{changelist}{first.index}/delete/").status_code == 403
    assert admin_client.get(f"{changelist}add/").status_code == 403


def test_the_desk_says_when_records_wait_for_the_missing_key(
    admin_client, clock, make_article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_article()
    page = admin_client.get("/admin/").content.decode()
    assert "Der Signaturschlüssel des Transparenzprotokolls fehlt" in page


def test_published_again_the_log_says_so_and_the_texts_return(
    client, log_key, history, editor, django_capture_on_commit_callbacks
):
    from articles.services import article_publish

    article, _ = history
    with django_capture_on_commit_callbacks(execute=True):
        article_unpublish(article=article, editor=editor)
    with django_capture_on_commit_callbacks(execute=True):
        article_publish(article=article, editor=editor)
    assert kinds()[-2:] == [("removed", 3), ("restored", 3)]
    assert LogRecord.objects.last().data.endswith(" reason:republished\n")
    assert client.get("/transparency/text/0").status_code == 200
