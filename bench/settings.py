"""The production settings plus the benchmark's baseline endpoints (bench/urls.py)."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
