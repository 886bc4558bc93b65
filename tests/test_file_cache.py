from django.core.cache.backends.filebased import FileBasedCache

from newsroom.cache import SharedFileCache


def make(path, **options):
    return SharedFileCache(str(path), {"OPTIONS": {"MAX_ENTRIES": 50, **options}})


def test_writes_do_not_list_the_cache_directory_each_time(tmp_path, monkeypatch):
    cache = make(tmp_path)
    listings = []
    original = FileBasedCache._list_cache_files
    monkeypatch.setattr(
        FileBasedCache,
        "_list_cache_files",
        lambda self: listings.append(1) or original(self),
    )
    for number in range(500):
        cache.set(f"key-{number}", number)
    assert len(listings) < 50  # about 5 expected; Django's own cache lists 500 times


def test_the_cache_stays_bounded(tmp_path):
    cache = make(tmp_path)
    cache.cull_check_probability = 1.0
    for number in range(200):
        cache.set(f"key-{number}", number)
    assert len(list(tmp_path.glob("*.djcache"))) <= 50
    assert cache.get("key-199") == 199
