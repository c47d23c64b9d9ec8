"""Seed one large community for the communities benchmark (default 10 000
threads and 100 000 replies).

    createdb -h 127.0.0.1 -U postgres p2i_bench_communities
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/p2i_bench_communities \\
        .venv/bin/python bench/seed_communities.py [--threads 10000] [--replies 100000]

or `make bench-communities` (which seeds, then measures). It migrates, creates
the demo network's centres, deletes the previous benchmark community (slug
"bench-community") and its authors (e-mails starting with "bench-"), inserts
threads and posts in bulk (replies spread unevenly: a few long threads, many
short ones), then sets each thread's reply count and last post time and the
search vectors with one UPDATE each, as the services keep them, and ANALYZEs.
"""

import argparse
import os
import random
import sys
import time
import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "p2i_portal.settings.local")
    os.environ.setdefault("DJANGO_DEBUG", "false")
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()

SLUG = "bench-community"
PREFIX = "bench-"
WORDS = [
    "tender",
    "market",
    "dialogue",
    "supplier",
    "hospital",
    "city",
    "circular",
    "reuse",
    "criteria",
    "award",
    "innovation",
    "pilot",
    "budget",
    "contract",
    "risk",
    "consultation",
    "lot",
    "framework",
    "pricing",
    "outcome",
    "quality",
    "training",
    "legal",
    "notice",
    "procedure",
    "partner",
    "joint",
]


def _text(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def clear():
    from accounts.models import User
    from communities.models import Community

    Community.objects.filter(slug=SLUG).delete()
    User.objects.filter(email__startswith=f"{PREFIX}cm-").delete()


def seed_communities(*, threads=10_000, replies=100_000, seed=42, progress=print):
    """Create the benchmark community; return it."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from accounts.models import User
    from centres.models import Centre
    from communities.models import Community, CommunityMember, Post, Thread
    from knowledge.textsearch import search_config_for

    rng = random.Random(seed)
    now = datetime.now(UTC)
    centre = Centre.objects.order_by("pk").first()
    community = Community.objects.create(
        centre=centre,
        slug=SLUG,
        name="Benchmark community",
        purpose="A large synthetic community.",
        sector="health",
    )
    password = make_password(None)
    authors = User.objects.bulk_create(
        User(
            email=f"{PREFIX}cm-{n}@example.org",
            full_name=f"Bench Author {n}",
            password=password,
            date_joined=now - timedelta(days=800),
        )
        for n in range(200)
    )
    CommunityMember.objects.bulk_create(
        CommunityMember(community=community, user=user) for user in authors
    )
    progress("authors")
    thread_rows = Thread.objects.bulk_create(
        (
            Thread(
                community=community,
                title=_text(rng, 6),
                author=rng.choice(authors),
                pinned=n < 3,
                last_posted_at=now - timedelta(minutes=rng.randrange(720 * 24 * 60)),
            )
            for n in range(threads)
        ),
        batch_size=2000,
    )
    progress("threads")
    posts = []
    for thread in thread_rows:
        posts.append(
            Post(
                thread=thread,
                author=thread.author,
                body=_text(rng, 40),
                body_html="<p>Opening</p>",
                created_at=thread.last_posted_at - timedelta(days=30),
            )
        )
    # Zipf-like: a few threads get many replies.
    weights = [1 / (i + 1) for i in range(threads)]
    chosen = rng.choices(thread_rows, weights=weights, k=replies)
    for thread in chosen:
        body = _text(rng, 30)
        posts.append(
            Post(
                thread=thread,
                author=rng.choice(authors),
                body=body,
                body_html=f"<p>{body}</p>",
                created_at=thread.last_posted_at
                - timedelta(minutes=rng.randrange(30 * 24 * 60)),
            )
        )
    for post in posts:
        post.visible_at = post.created_at
    Post.objects.bulk_create(posts, batch_size=5000)
    progress("posts")
    cfg = search_config_for(community.language)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE communities_thread t SET reply_count = s.n - 1, "
            "last_posted_at = s.last FROM (SELECT thread_id, count(*) AS n, "
            "max(created_at) AS last FROM communities_post GROUP BY thread_id) s "
            "WHERE s.thread_id = t.id AND t.community_id = %s",
            [community.pk],
        )
        cursor.execute(
            "UPDATE communities_thread SET search_vector = "
            "to_tsvector(%s::regconfig, title) WHERE community_id = %s",
            [cfg, community.pk],
        )
        cursor.execute(
            "UPDATE communities_post p SET search_vector = "
            "to_tsvector(%s::regconfig, body) FROM communities_thread t "
            "WHERE p.thread_id = t.id AND t.community_id = %s",
            [cfg, community.pk],
        )
        cursor.execute("ANALYZE communities_thread")
        cursor.execute("ANALYZE communities_post")
    progress("counters and search vectors")
    return community


def vacuum():
    """After the commit: the visibility map lets the thread pages read the
    covering index alone, as autovacuum would arrange in production."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE communities_thread")
        cursor.execute("VACUUM ANALYZE communities_post")


def main():
    from django.core.management import call_command
    from django.db import transaction
    from seed_resources import centres_ensure

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=10_000)
    parser.add_argument("--replies", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    started = time.perf_counter()

    def progress(message):
        print(f"{time.perf_counter() - started:6.1f} s {message}", flush=True)

    call_command("migrate", verbosity=0)
    centres_ensure()
    with transaction.atomic():
        clear()
        seed_communities(
            threads=args.threads,
            replies=args.replies,
            seed=args.seed,
            progress=progress,
        )
    vacuum()


if __name__ == "__main__":
    main()
