"""Benchmark (not a test): latency and query counts of the public pages and the API.

Run with `make bench` (or `python bench/bench_pages.py [--requests N]`). It uses the
configured database (DATABASE_URL, else the embedded PostgreSQL), loads the demo
network, warms up, then times N requests per page in-process with Django's test
client (no network, no server: this measures the view, template and SQL work).
"""

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "p2i_portal.settings.local")
os.environ.setdefault("DJANGO_DEBUG", "false")
os.environ.setdefault("P2I_API_ANON_RATE", "1000000/min")  # measure, not throttle
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = [
    "/en/",
    "/en/centres/",
    "/en/centres/?status=new&service=training",
    "/en/centres/koinno/",
    "/en/about/",
    "/api/v1/centres/",
    "/api/v1/centres/koinno/",
    "/healthz",
]


def percentile(values, q):
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))
    return ordered[index]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    call_command("seed_demo", quiet=True)
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':<42} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for page in PAGES:
        for _ in range(10):
            client.get(page)
        connection.force_debug_cursor = True
        connection.queries_log.clear()
        response = client.get(page)
        queries = list(connection.queries_log)
        connection.force_debug_cursor = False
        assert response.status_code == 200, (page, response.status_code)
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            client.get(page)
            timings.append((time.perf_counter() - start) * 1000)
        print(
            f"{page:<42} {statistics.median(timings):>8.1f} "
            f"{percentile(timings, 95):>8.1f} {len(queries):>8}"
        )


if __name__ == "__main__":
    main()
