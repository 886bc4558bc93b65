import pytest

from articles.tests.factories import ArticleFactory, AuthorFactory, SectionFactory


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


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters and repeat guards live in the cache: start clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
