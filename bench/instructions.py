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

WARM = 30
COUNTED = 200


def instructions(path: str, requests: int, env: dict) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no",
         "--cachegrind-out-file=/dev/null",
         sys.executable, "-m", "bench.instructions", path, str(requests)],
        env=env, capture_output=True, text=True, check=True,
    ).stderr  # fmt: skip
    return int(re.search(r"I\s+refs:\s+([\d,]+)", out)[1].replace(",", ""))


def per_request(path: str, env: dict) -> int:
    counted = instructions(path, WARM + COUNTED, env)
    return (counted - instructions(path, WARM, env)) // COUNTED


def rows(figures: dict) -> str:
    return "\n".join(
        f"| {label} | {count / 1e6:.2f} million |" for label, count in figures.items()
    )


if __name__ == "__main__":
    from bench.render_split import request
    from bench.run import django_setup

    django_setup(dict(os.environ))
    from django.core.handlers.wsgi import WSGIHandler

    handler = WSGIHandler()
    for _ in range(int(sys.argv[2])):
        request(handler, sys.argv[1])
