"""Benchmark (not a test): a community's thread list and thread pages with
10 000 threads and 100 000 replies.

    createdb -h 127.0.0.1 -U postgres p2i_bench_communities
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/p2i_bench_communities \\
        .venv/bin/python bench/bench_communities.py [--requests 50] [--no-seed]

or `make bench-communities`. It seeds the community (bench/seed_communities.py)
unless --no-seed, then, signed in as one of its members, times the first and a
deep page of the thread list, the longest thread's first and last pages and a
short thread, in-process with Django's test client, and prints p50/p95 in
milliseconds, the p50 of the time spent in SQL and the number of queries.
"""

import argparse
import os
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "p2i_portal.settings.local")
os.environ.setdefault("DJANGO_DEBUG", "false")
warnings.filterwarnings("ignore", message="No directory at")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from seed_communities import SLUG, clear, seed_communities, vacuum  # noqa: E402
from seed_resources import centres_ensure  # noqa: E402


def percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main():
    from communities.models import Community, CommunityMember, Thread
    from communities.selectors import POSTS_PER_PAGE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--no-seed", action="store_true", help="measure only")
    parser.add_argument("--threads", type=int, default=10_000)
    parser.add_argument("--replies", type=int, default=100_000)
    args = parser.parse_args()
    started = time.perf_counter()

    def progress(message):
        print(f"{time.perf_counter() - started:6.1f} s {message}", flush=True)

    call_command("migrate", verbosity=0)
    centres_ensure()
    if not args.no_seed:
        with transaction.atomic():
            clear()
            seed_communities(
                threads=args.threads, replies=args.replies, progress=progress
            )
        vacuum()
    community = Community.objects.get(slug=SLUG)
    member = CommunityMember.objects.filter(community=community).first().user
    longest = Thread.objects.filter(community=community).order_by("-reply_count")[0]
    short = Thread.objects.filter(community=community, reply_count__lte=3).first()
    last = longest.reply_count // POSTS_PER_PAGE + 1

    def thread_url(thread):
        return reverse("communities:thread", kwargs={"slug": SLUG, "pk": thread.pk})

    detail = reverse("communities:detail", kwargs={"slug": SLUG})
    pages = [
        detail,
        detail + "?page=200",
        thread_url(longest),
        thread_url(longest) + f"?page={last}",
        thread_url(short),
        reverse("communities:search", kwargs={"slug": SLUG}) + "?q=hospital+tender",
    ]
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(member)
    print(f"longest thread: {longest.reply_count} replies")
    print(f"{'page':<70} {'p50 ms':>7} {'p95 ms':>7} {'sql p50':>7} {'queries':>7}")
    for page in pages:
        for _ in range(3):
            client.get(page)
        connection.force_debug_cursor = True
        timings, sql = [], []
        for _ in range(args.requests):
            t0 = time.perf_counter()
            response = client.get(page)
            timings.append((time.perf_counter() - t0) * 1000)
            sql.append(sum(float(q["time"]) for q in connection.queries_log) * 1000)
        queries = len(connection.queries_log)
        connection.force_debug_cursor = False
        assert response.status_code == 200, (page, response.status_code)
        print(
            f"{page:<70} {statistics.median(timings):>7.1f} "
            f"{percentile(timings, 95):>7.1f} {statistics.median(sql):>7.1f} "
            f"{queries:>7}"
        )


if __name__ == "__main__":
    main()
