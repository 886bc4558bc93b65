"""Instructions per request, counted by valgrind's cachegrind: a figure of the
render that the machine's noise does not move (two counts of the same checkout
differ by under 0.5 %), for an A/B of one change to it. Requests per second on
this machine moved by a third between two runs minutes apart.

Each figure is (count of WARM + COUNTED requests − count of WARM requests) ÷
COUNTED, so that starting Python and Django is not counted.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

WARM = 30
COUNTED = 200


ROOT = Path(__file__).resolve().parent.parent


def instructions(path: str, requests: int, env: dict, python, cwd) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no",
         "--cachegrind-out-file=/dev/null",
         python, "-m", "bench.instructions", path, str(requests)],
        env=env, cwd=cwd, capture_output=True, text=True, check=True,
    ).stderr  # fmt: skip
    return int(re.search(r"I\s+refs:\s+([\d,]+)", out)[1].replace(",", ""))


def per_request(path: str, env: dict, python=sys.executable, cwd=ROOT) -> int:
    counted = instructions(path, WARM + COUNTED, env, python, cwd)
    return (counted - instructions(path, WARM, env, python, cwd)) // COUNTED


def bakerydemo() -> int | None:
    """bakerydemo's blog page by the same count, with its own Python and
    settings (BENCH_BAKERYDEMO, BENCH_BAKERYDEMO_PYTHON; bench/run.py)."""
    root = os.environ.get("BENCH_BAKERYDEMO")
    if not root:
        return None
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.bench",
        "PYTHONPATH": str(ROOT),  # this module; bakerydemo is the directory
    }
    python = os.environ["BENCH_BAKERYDEMO_PYTHON"]
    return per_request("/blog/wild-yeast/", env, python, root)


def rows(figures: dict) -> str:
    return "\n".join(
        f"| {label} | {count / 1e6:.2f} million |" for label, count in figures.items()
    )


if __name__ == "__main__":
    # Run by valgrind, for our site or for bakerydemo: what the environment says.
    import django

    from bench.render_split import request

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    for _ in range(int(sys.argv[2])):
        request(handler, sys.argv[1])
