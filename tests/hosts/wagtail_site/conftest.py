"""The Wagtail site's pages, people and browser.

Browser tests commit for real and the database is flushed after each, which
also removes what Wagtail's data migrations made (the root page, the site):
`home` makes them again when they are gone.
"""

import io
import os

import pytest

# The browser, the axe-core check: the same as the newsroom's browser tests.
from tests.e2e.conftest import (  # noqa: F401 (fixtures)
    accessible,
    axe_source,
    browser,
    page,
    page_without_js,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "ein-langes-redaktionspasswort"
BODY = (
    "<p>Der Hafen wurde 1890 eröffnet und ist heute der größte im Land.</p>"
    "<p>Im vergangenen Jahr legten dort <b>rund 8000 Schiffe</b> an.</p>"
)


def pytest_collection_modifyitems(config, items):
    """A test that drives the browser is marked so, whether or not it says it:
    `-m "not browser"` (the clock passes of .ci/any-moment) leaves it out."""
    for item in items:
        if {"page", "page_without_js"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media_in_a_temporary_directory(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.CORRECTION_DESK_PRIVATE_ROOT = str(tmp_path / "private")


@pytest.fixture(autouse=True)
def recorded_purges():
    from tests.hosts.wagtail_site.stories.purges import PURGED

    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.fixture
def home(db):
    """The site's home page, under Wagtail's root."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Collection, Locale, Page, Site, WorkflowPage

    Locale.objects.get_or_create(language_code="de")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(
                title="Root",
                slug="root",
                content_type=ContentType.objects.get_for_model(Page),
            )
        )
    # Wagtail's migrations put a moderation workflow on the root page; whether a
    # test's pages are moderated is the test's to say (the `moderators` fixture).
    WorkflowPage.objects.all().delete()
    home = root.get_children().filter(slug="start").first()
    if home is None:
        home = root.add_child(instance=Page(title="Start", slug="start"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "root_page": home,
            "site_name": "Stadtanzeiger",
        },
    )
    return home


@pytest.fixture
def picture(home):
    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images.models import Image

    data = io.BytesIO()
    PillowImage.new("RGB", (640, 360), (40, 90, 140)).save(data, "PNG")
    return Image.objects.create(
        title="Der Hafen am Abend", file=ImageFile(data, name="hafen.png")
    )


@pytest.fixture
def make_story(home, picture):
    """A story published through Wagtail's API, as its editor's Publish does."""
    from tests.hosts.wagtail_site.stories.models import StoryPage

    def make(title="Der Hafen", body=BODY, caption="Der Hafen am Abend, 1890.", **kw):
        story = StoryPage(
            title=title, body=body, caption=caption, picture=picture, live=False, **kw
        )
        home.add_child(instance=story)
        story.save_revision().publish()
        story.refresh_from_db()
        return story

    return make


@pytest.fixture
def story(make_story):
    return make_story()


@pytest.fixture
def editors(db, home):
    """The newsroom's editors: Wagtail's admin, its pages under home, the desk."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group, _ = Group.objects.get_or_create(name="Redaktion")
    desk = {
        "report": ["change", "view"],
        "decision": ["view"],
        "editornote": ["add", "view"],
        "correctionnote": ["add", "change", "view"],
        "correctionnotechange": ["view"],
    }
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *(
            Permission.objects.get(
                content_type__app_label="correction_desk",
                codename=f"{action}_{model}",
            )
            for model, actions in desk.items()
            for action in actions
        ),
    )
    # As Wagtail's own "Editors": they write, and publish only through a
    # moderation workflow.
    for kind in ("add", "change"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=home,
            permission=Permission.objects.get(codename=f"{kind}_page"),
        )
    return group


@pytest.fixture
def publishers(db, home):
    """Editors who may also publish the pages under home, as Wagtail's
    "Moderators" may."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group, _ = Group.objects.get_or_create(name="Chef vom Dienst")
    GroupPagePermission.objects.get_or_create(
        group=group,
        page=home,
        permission=Permission.objects.get(codename="publish_page"),
    )
    return group


@pytest.fixture
def make_editor(django_user_model, editors):
    def make(username="redakteurin"):
        user = django_user_model.objects.create_user(
            username, password=PASSWORD, is_staff=True
        )
        user.groups.add(editors)
        return user

    return make


@pytest.fixture
def editor(make_editor):
    return make_editor()


@pytest.fixture
def publisher(make_editor, publishers):
    user = make_editor("chef-vom-dienst")
    user.groups.add(publishers)
    return user
