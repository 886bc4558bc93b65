"""The log and Memento checked against the running site by clients nobody here
wrote: Go's own tlog and note packages (the code that checks Go's checksum
database), built from Debian's packages, and LANL's memento-client.

Broken on purpose once each, to see these fail: the checkpoint signed with its
root hash's bytes reversed, and each inclusion proof with its last hash dropped
(both: "record 0 is not in the signed log: invalid transparency proof", from
`tlog.CheckRecord`), and the TimeGate without `Vary: accept-datetime` (the
memento-client then took it for no TimeGate and found no memento).
"""

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import time_machine
from django.utils import timezone
from memento_client import MementoClient

from articles.models import ArticleVersion
from articles.services import article_revise
from correction_desk import services
from correction_desk.transparency.log import latest_checkpoint

VERIFIER = Path(__file__).parent / "verify"
MOMENT = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
# Go's x/mod from Debian (golang-golang-x-mod-dev), used offline in GOPATH mode.
GOPATH = "/usr/share/gocode"


@pytest.fixture(scope="session")
def go_verifier(tmp_path_factory):
    """The Go program, built once per session."""
    if shutil.which("go") is None or not Path(GOPATH, "src/golang.org/x/mod").is_dir():
        if os.environ.get("CI"):
            pytest.fail("CI must check the log with Go: .ci/run installs golang-go")
        pytest.skip(
            "Go and its x/mod are not installed (apt install golang-go "
            "golang-golang-x-mod-dev; .ci/run installs both)"
        )
    out = tmp_path_factory.mktemp("go")
    binary = out / "verify"
    subprocess.run(
        ["go", "build", "-o", str(binary), "."],
        cwd=VERIFIER,
        env={**os.environ, "GOPATH": GOPATH, "GO111MODULE": "off",
             "GOCACHE": str(out / "cache"), "GOFLAGS": ""},
        check=True, capture_output=True,
    )  # fmt: skip
    return binary


@pytest.fixture
def three_versions(log_key, editor, make_article, django_capture_on_commit_callbacks):
    """An article in three versions, a note on the third, an amendment; the log
    signed at each step."""
    with time_machine.travel(MOMENT, tick=False) as clock:
        with django_capture_on_commit_callbacks(execute=True):
            article = make_article(
                title="Der Hafen", body="Der Hafen wurde 1890 eröffnet."
            )
        for year in (1891, 1892):
            clock.shift(datetime.timedelta(hours=2))
            with django_capture_on_commit_callbacks(execute=True):
                article = article_revise(
                    article=article, editor=editor,
                    changes={"body": f"Der Hafen wurde {year} eröffnet."},
                )  # fmt: skip
        older = latest_checkpoint().size
        clock.shift(datetime.timedelta(minutes=10))
        with django_capture_on_commit_callbacks(execute=True):
            note = services.correction_publish(
                content=article, editor=editor, kind="correction",
                text="Das Jahr war falsch.", reports=[],
            )  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            services.note_amend(
                note=note, editor=editor, text="Das Jahr stimmte nicht."
            )
    return article, older


def verify(binary, live_server, key, *older) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(binary), live_server.url, key, *map(str, older)],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_go_proves_every_record_its_text_and_the_logs_consistency(
    go_verifier, live_server, three_versions, log_key
):
    article, older = three_versions
    result = verify(go_verifier, live_server, log_key.verifier_text(), older)
    assert result.returncode == 0, result.stderr
    assert "5 records, signature good" in result.stdout
    assert "inclusion: 5 records proven; texts: 5 match" in result.stdout
    assert f"consistency: 5 records continue the signed {older}" in result.stdout


def test_go_notices_a_version_changed_in_the_database(
    go_verifier, live_server, three_versions, log_key
):
    article, _ = three_versions
    ArticleVersion.objects.filter(article=article, revision=2).update(
        body="Der Hafen wurde 1889 eröffnet."
    )
    result = verify(go_verifier, live_server, log_key.verifier_text())
    assert result.returncode == 1
    assert "record 1: the text now served" in result.stderr
    assert "is not the text logged" in result.stderr


def test_go_refuses_a_checkpoint_signed_by_another_key(
    go_verifier, live_server, three_versions
):
    from correction_desk.transparency.signed_note import Signer

    stranger = Signer.generate("127.0.0.1:8000/transparency")
    result = verify(go_verifier, live_server, stranger.verifier_text())
    assert result.returncode == 1
    assert "signature" in result.stderr


def test_the_memento_client_finds_each_version_by_its_date(live_server, three_versions):
    article, _ = three_versions
    original = live_server.url + article.get_absolute_url()
    # No aggregator: the client must find the site's own TimeGate in the Link.
    client = MementoClient(
        timegate_uri="http://127.0.0.1:9/", check_native_timegate=True
    )
    naive = [
        (MOMENT + datetime.timedelta(hours=h)).replace(tzinfo=None) for h in (1, 3, 5)
    ]
    found = [client.get_memento_info(original, moment) for moment in naive]
    assert found[0]["timegate_uri"].startswith(
        live_server.url + "/transparency/memento/timegate/"
    )
    closest = [info["mementos"]["closest"] for info in found]
    assert [c["uri"][0].rsplit("/", 1)[1] for c in closest] == ["1", "2", "3"]
    assert [c["datetime"] for c in closest] == [
        timezone.make_naive(MOMENT + datetime.timedelta(hours=h), datetime.UTC)
        for h in (-1, 2, 4)  # the first was published an hour before MOMENT
    ]
    assert found[1]["mementos"]["prev"]["uri"][0].endswith("/1")
    assert found[1]["mementos"]["next"]["uri"][0].endswith("/3")
    assert found[2]["mementos"]["last"]["uri"][0].endswith("/3")
    # Before the first version, the first is the closest there is.
    early = client.get_memento_info(original, datetime.datetime(2020, 1, 1))
    assert early["mementos"]["closest"]["uri"][0].endswith("/1")
