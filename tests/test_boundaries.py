"""The corrections desk is an app of its own: its code reaches nothing in this
repository outside its package, and our articles reach it only through the
project's wiring (newsroom/desk.py)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def test_the_desk_imports_nothing_of_this_repository_outside_its_package():
    outside = {"articles", "newsroom", "pagecache", "search", "bench", "tests"}
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / "correction_desk").rglob("*.py")
        if "tests" not in path.parts
        for module in imported_modules(path)
        if module.split(".")[0] in outside
    ]
    assert offenders == []


def test_articles_code_imports_nothing_of_the_desk():
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / "articles").rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
        for module in imported_modules(path)
        if module.split(".")[0] == "correction_desk"
    ]
    assert offenders == []


def test_the_page_cache_knows_no_app_it_caches():
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in (ROOT / "pagecache").rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in {"articles", "correction_desk", "search"}
    ]
    assert offenders == []


def test_articles_models_name_no_model_of_the_desk():
    from django.apps import apps

    for model in apps.get_app_config("articles").get_models():
        for field in model._meta.get_fields():
            related = getattr(field, "related_model", None)
            if related is not None and field.concrete:
                assert related._meta.app_label != "correction_desk", (model, field)


def test_articles_history_depends_on_no_migration_of_the_desk():
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    for (app, name), migration in loader.disk_migrations.items():
        if app != "articles":
            continue
        for dependency in migration.dependencies:
            assert dependency[0] != "correction_desk", (name, dependency)
        text = (ROOT / "articles" / "migrations" / f"{name}.py").read_text()
        assert "correction_desk" not in text, name


def test_the_desks_migrations_depend_on_no_app_of_this_repository():
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    desk = [
        migration
        for (app, _), migration in loader.disk_migrations.items()
        if app == "correction_desk"
    ]
    assert desk
    for migration in desk:
        for app, _ in migration.dependencies:
            assert app in {"correction_desk", "contenttypes", "auth"}, (
                migration.name,
                app,
            )
        assert not migration.run_before, migration.name


def test_editors_bookmarks_of_the_desks_old_admin_address_still_arrive(client):
    response = client.get("/admin/corrections/report/?status=open&assignee=me")
    assert response.status_code == 301
    assert response["Location"] == (
        "/admin/correction_desk/report/?status=open&assignee=me"
    )
