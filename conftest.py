import pytest

from articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory

# The rows the data migrations store: (module, function), in migration order.
MIGRATION_DATA = [
    ("correction_desk.migrations.0003_policy", "seed_policy"),
    ("newsroom.migrations.0002_editors_group", "create_editors_group"),
    ("newsroom.migrations.0004_press_law_permissions", "give_editors_press_law"),
]


def commits(item) -> bool:
    marker = item.get_closest_marker("django_db")
    return bool(marker is not None and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    )


@pytest.fixture(autouse=True)
def what_the_migrations_stored(request):
    """Every test that commits starts with what the data migrations stored.

    A test that commits (transaction=True, a live server) ends by emptying every
    table, and with them the editors' group, its permissions and the correction
    policy, which the migrations made: a test after it would find none, and pass
    or fail by the order the tests ran in. The migrations' own functions put
    them back (each one leaves what is there as it is).
    """
    if commits(request.node):
        import importlib

        from django.apps import apps

        request.getfixturevalue("transactional_db")
        for module, function in MIGRATION_DATA:
            getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def article(db):
    return ArticleFactory()


@pytest.fixture
def make_article(db):
    return ArticleFactory


@pytest.fixture
def make_section(db):
    return SectionFactory


@pytest.fixture
def make_author(db):
    return AuthorFactory


@pytest.fixture
def editor(db, django_user_model):
    """A staff member of the editors' group (Redaktion)."""
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name="Redaktion")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="articles")
    )
    user = django_user_model.objects.create_user(
        "editor", "editor@example.org", "ein-sicheres-passwort-42", is_staff=True
    )
    user.groups.add(group)
    return user


@pytest.fixture
def mid_minute():
    """The clock stands still, half a minute into the next minute.

    Rate limits count in fixed windows; a test that sends a few requests must not
    see a window end in between because the wall clock passed a boundary. (Ahead
    of the real clock, so that articles made just now are already published.)
    """
    import datetime

    import time_machine

    now = datetime.datetime.now(datetime.UTC)
    moment = now.replace(second=30, microsecond=0) + datetime.timedelta(minutes=1)
    with time_machine.travel(moment, tick=False) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def german_by_default():
    """Each test starts in the default language, whatever the one before saw.

    Django's LocaleMiddleware activates a request's language in the thread and
    leaves it there, so an English page requested by one test would otherwise
    make the next test's URLs English.
    """
    from django.utils import translation

    with translation.override(None):
        translation.activate("de")
        yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def media_in_a_temporary_directory(settings, tmp_path):
    """Uploaded pictures and renditions go to a directory of the test's own,
    and so do the private documents of press-law cases."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.CORRECTION_DESK_PRIVATE_ROOT = str(tmp_path / "private")


@pytest.fixture
def make_picture(db):
    from articles.tests.factories import PictureFactory

    return PictureFactory


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing passwords the production way costs most of an admin test's time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters and pages live in the caches: start clean."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


class WaitingQueue:
    """The tasks a queue keeps for later, as the database queue does."""

    def __init__(self, backend):
        self.backend = backend

    def waiting(self, task) -> list:
        from django.tasks import TaskResultStatus

        return [
            result
            for result in self.backend.results
            if result.task.func is task.func and result.status == TaskResultStatus.READY
        ]

    def clear(self) -> None:
        self.backend.clear()


@pytest.fixture
def waiting_queue(settings):
    """A task queue that keeps what is queued (retries, later runs) to look at."""
    from django.tasks import default_task_backend

    settings.TASKS = {
        "default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}
    }
    default_task_backend.clear()
    yield WaitingQueue(default_task_backend)
    default_task_backend.clear()


# What public pages show: a change to one of these in a request must purge.
# (A picture shows only through its articles, which its service stores again.)
SHOWN_MODELS = (
    "articles.Article",
    "articles.Section",
    "articles.Author",
    "correction_desk.CorrectionNote",
    "correction_desk.PolicyPage",
)


def shown_publicly(instance) -> bool:
    if instance._meta.label == "correction_desk.CorrectionNote":
        return instance.published_at is not None
    return instance._meta.label in SHOWN_MODELS


@pytest.fixture(autouse=True)
def changes_made_in_requests_purge(monkeypatch):
    """A request that changes what public pages show must purge something.

    The services purge (pagecache.purge); a change that went around them, in any
    view or admin page a test requests, would leave pages stale for an hour.
    This fails that test, whatever it set out to check.
    """
    import threading

    from django.core.signals import request_finished, request_started
    from django.db.models.signals import m2m_changed, post_delete, post_save

    import pagecache

    state = {"open": False, "changed": [], "purged": False, "thread": None}
    forgotten = []

    def started(**kwargs):
        # A live server answers in a thread of its own, while the test's own
        # code may save in the main thread: only the request's saves count.
        state.update(open=True, changed=[], purged=False, thread=threading.get_ident())

    def finished(**kwargs):
        if state["open"] and state["changed"] and not state["purged"]:
            forgotten.append(state["changed"])
        state["open"] = False

    def changed(sender, instance, **kwargs):
        in_request = state["open"] and state["thread"] == threading.get_ident()
        if in_request and shown_publicly(instance):
            state["changed"].append(f"{instance._meta.label} {instance.pk}")

    real_purge = pagecache.purge

    def purge(*keys):
        if state["thread"] == threading.get_ident():
            state["purged"] = True
        real_purge(*keys)

    monkeypatch.setattr(pagecache, "purge", purge)
    receivers = [
        (request_started, started),
        (request_finished, finished),
        (post_save, changed),
        (post_delete, changed),
        (m2m_changed, changed),
    ]
    for signal, receiver in receivers:
        signal.connect(receiver, weak=False)
    try:
        yield
    finally:
        for signal, receiver in receivers:
            signal.disconnect(receiver)
    assert not forgotten, f"changed in a request without a purge: {forgotten}"


@pytest.fixture(autouse=True)
def no_signing_key(settings):
    """No test signs the transparency log with a key it finds on disk."""
    settings.CORRECTION_DESK_LOG_KEY = ""
    settings.CORRECTION_DESK_LOG_KEY_FILE = ""


@pytest.fixture
def log_key(settings):
    """A signing key for the transparency log, as the README has one made."""
    from correction_desk.transparency.signed_note import Signer

    signer = Signer.generate("newsroom.example/transparency")
    settings.CORRECTION_DESK_LOG_KEY = signer.private_text()
    return signer
