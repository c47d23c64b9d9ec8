"""Benchmark (not a test): knowledge search + facets against the bare SQL query.

Seed first (`make bench-seed`, see bench/seed_resources.py), then

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/p2i_bench \\
        .venv/bin/python bench/bench_search.py [--repeat 30] [--only Beschaffungen]

or `make bench-search`. For each query it times, after a warm-up, as an anonymous
visitor:

  (a) sql  the bare full-text query: ids of the 20 best public hits, in the
      selector's order (relevance with words unless a date order was chosen;
      for a browse, the 20 newest); facet filters as array overlaps; no counts;
  (b) sel  knowledge.selectors.resource_search: search, facet counts, one page;
  (c) html GET /resources/?…     in-process with Django's test client;
  (d) api  GET /api/v1/resources/?… in-process.

and prints p50/p95 in milliseconds and the ratios sel/sql and html/sql (of p50).
Next to each query, `exact` says whether resource_search's hit total and every
facet option's count equal counts computed apart from it (independent_counts:
the ORM reads each facet's rows, Python counts them).
(b)–(d) take turns; (a) runs after them (see main: it flushes the shared buffers).
Search results are cached until a resource changes (knowledge/search_cache.py):
by default the warm-up fills the cache and the timed runs are answered from it;
`--cold` makes every entry stale before every run (as a change of a resource
does), so that every request computes. The caches are Redis's, as in
production, when REDIS_URL is set or a Redis answers on 127.0.0.1:6379.
`--explain "q=…&sector=…"` prints EXPLAIN (ANALYZE, BUFFERS) of every query
resource_search runs for that query string instead; `--selectors FILE` times
another version of knowledge/selectors.py (say, `git show HEAD:…` of it).
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


def _redis_answers(url="redis://127.0.0.1:6379/15") -> bool:
    import redis  # installed with django-redis

    try:
        return bool(redis.Redis.from_url(url, socket_timeout=0.5).ping())
    except redis.RedisError:
        return False


# As in production (docker-compose.yml): the caches in Redis, where the API's
# throttles count requests. Without REDIS_URL, a local Redis's database 15 if
# one answers (--cold drops the search cache's entries there, nothing else);
# else the local settings' caches (the throttles then count in the database).
if not os.environ.get("REDIS_URL") and _redis_answers():
    os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/15"

import django  # noqa: E402


def _use_selectors(path: str) -> None:
    """Load knowledge.selectors from another file (e.g. an older version, from
    `git show REV:knowledge/selectors.py`), before the views import it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("knowledge.selectors", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["knowledge.selectors"] = module
    spec.loader.exec_module(module)


if "--selectors" in sys.argv:
    django.setup()
    _use_selectors(sys.argv[sys.argv.index("--selectors") + 1])
else:
    django.setup()

# As a gunicorn worker starts: every view imported, then gc.freeze (settle()).
from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import QueryDict  # noqa: E402
from django.test import Client  # noqa: E402

import p2i_portal.wsgi  # noqa: E402, F401
from knowledge.search_cache import _bump  # noqa: E402
from knowledge.selectors import FACETS, SearchParams, resource_search  # noqa: E402
from knowledge.textsearch import query_configs  # noqa: E402

# Common and rare words in several languages, a typo, facets with and without
# words, a browse, a sort by date. The rare words are placed in the seeder's tail.
QUERIES = [
    "q=procurement",
    "q=procurements",
    "q=innovation",
    "q=Beschaffungen",
    "q=Ausschreibung+Vergabe",
    "q=aanbestedingen",
    "q=contrataciones",
    "q=upphandling",
    "q=appalti",
    "q=προμήθειες",
    "q=riigihanked",
    "q=hankinta",
    "q=telemedicine",
    "q=Wasserstoff",
    "q=vätgas",
    "q=procurment",
    'q="market+consultation"',
    "sector=health&approach=pcp",
    "q=innovation&sector=health&approach=pcp",
    "",
    "q=tender&sort=newest",
    "q=procurement&page=50",  # the last page listed of a common word (MAX_PAGES)
    # Two values of one facet (disjunctive counts: one more aggregate per facet).
    "language=de&language=nl&kind=case_study",
    "q=procurement&sector=health&sector=ict",
]

_TSQUERY = " || ".join(
    f"websearch_to_tsquery('{cfg}', %(q)s)" for cfg in query_configs()
)


def bare_sql(params: SearchParams) -> tuple[str, dict]:
    """The query a hand-written search would run: no facets, no snippets."""
    where = ["status = 'published'", "visibility = 'public'"]
    args: dict = {}
    for name, column in (("sector", "sectors"), ("approach", "approaches")):
        if getattr(params, name):
            where.append(f"{column} && %({name})s::varchar[]")
            args[name] = getattr(params, name)
    if params.q:
        args["q"] = params.q
        where.append("search_vector @@ query")
        # The order the selector uses (relevance unless a date was chosen), so
        # that a common word ranks all its hits here too.
        order = {
            "relevance": "ts_rank(rank_vector, query) DESC",
            "oldest": "published_at",
        }.get(params.order, "published_at DESC")
        source = f"knowledge_resource, (SELECT {_TSQUERY} AS query) AS words"
    else:
        order = "published_at" if params.order == "oldest" else "published_at DESC"
        source = "knowledge_resource"
    sql = (
        f"SELECT id FROM {source} WHERE {' AND '.join(where)} "  # noqa: S608 - fixed parts
        f"ORDER BY {order} LIMIT 20"
    )
    return sql, args


def independent_counts(params: SearchParams) -> tuple[int, dict]:
    """The hit total and every facet's counts of an anonymous search, computed
    apart from the selectors: the ORM reads each facet's rows (the other
    filters applied), Python counts them."""
    from collections import Counter
    from functools import reduce
    from operator import or_

    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Q
    from django.utils import timezone

    from knowledge.models import Resource

    def where(name, value):
        return {
            "kind": Q(kind=value),
            "sector": Q(sectors__contains=[value]),
            "approach": Q(approaches__contains=[value]),
            "country": Q(countries__contains=[value]),
            "centre": Q(centre__slug=value),
            "language": Q(language=value),
        }.get(name) or Q(published_at__year=int(value))

    def filtered(qs, but=None):
        for name in FACETS:
            values = getattr(params, name)
            if values and name != but:
                qs = qs.filter(reduce(or_, (where(name, v) for v in values)))
        return qs

    columns = {
        "kind": "kind",
        "sector": "sectors",
        "approach": "approaches",
        "country": "countries",
        "centre": "centre__slug",
        "language": "language",
        "year": "published_at",
    }
    with timezone.override("Europe/Brussels"):
        matches = Resource.objects.filter(status="published", visibility="public")
        if params.q:
            words = reduce(
                or_,
                (
                    SearchQuery(params.q, config=c, search_type="websearch")
                    for c in query_configs()
                ),
            )
            full_text = matches.filter(search_vector=words)
            if filtered(full_text).count() < 20:
                full_text |= matches.filter(title__trigram_word_similar=params.q)
            matches = full_text
        facets = {}
        for name in FACETS:
            counts = Counter()
            for value in filtered(matches, but=name).values_list(
                columns[name], flat=True
            ):
                if name == "year":
                    value = [str(timezone.localtime(value).year)] if value else []
                counts.update(value if isinstance(value, list) else [value])
            facets[name] = dict(counts)
        return filtered(matches).count(), facets


def exact(params: SearchParams) -> bool:
    """Whether resource_search's total and facet counts equal independent ones."""
    result = resource_search(user=AnonymousUser(), params=params)
    shown = dict(result.facets)
    shown["centre"] = {
        result.centres[int(pk)].slug: n for pk, n in result.facets["centre"].items()
    }
    return (result.total, shown) == independent_counts(params)


def percentile(values, q):
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))
    return ordered[index]


def timed(function) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def explain(query_string: str) -> None:
    params = SearchParams.from_querydict(QueryDict(query_string))
    _bump()  # run the statements, not the cache
    connection.force_debug_cursor = True
    connection.queries_log.clear()
    result = resource_search(user=AnonymousUser(), params=params)
    list(result.page.object_list)
    captured = list(connection.queries_log)
    connection.force_debug_cursor = False
    with connection.cursor() as cursor:
        for entry in captured:
            sql = entry["sql"]
            if not sql.lstrip().upper().startswith(
                ("SELECT", "WITH")
            ) or sql.startswith("SELECT set_config"):
                continue
            print(f"-- {entry['time']} s\n{sql[:600]}{' …' if len(sql) > 600 else ''}")
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            print("\n".join(row[0] for row in cursor.fetchall()), end="\n\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--only", help="run only the queries containing this")
    parser.add_argument("--explain", metavar="QUERY_STRING")
    parser.add_argument(
        "--selectors", metavar="FILE", help="time another knowledge/selectors.py"
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="empty the search cache before every run (each request computes)",
    )
    args = parser.parse_args()

    if args.explain is not None:
        explain(args.explain)
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM knowledge_resource")
        rows = cursor.fetchone()[0]
        cursor.execute("SHOW server_version")
        server = cursor.fetchone()[0]
    if rows < 1000:
        sys.exit("Too few resources: run `make bench-seed` first.")

    client = Client(HTTP_HOST="127.0.0.1")
    anonymous = AnonymousUser()
    levels = {
        "sql": None,
        "sel": None,
        "html": "/en/resources/",
        "api": "/api/v1/resources/",
    }
    available = {}
    for name, path in levels.items():
        if path:
            status = client.get(path).status_code
            available[name] = status == 200
            if status != 200:
                print(f"{name}: {path} answers {status}: not available")
        else:
            available[name] = True

    def runner(level, query_string):
        params = SearchParams.from_querydict(QueryDict(query_string))
        if level == "sql":
            sql, sql_args = bare_sql(params)

            def run():
                with connection.cursor() as cursor:
                    cursor.execute(sql, sql_args)
                    cursor.fetchall()

        elif level == "sel":

            def run():
                params = SearchParams.from_querydict(QueryDict(query_string))
                result = resource_search(user=anonymous, params=params)
                list(result.page.object_list)

        else:
            url = levels[level] + ("?" + query_string if query_string else "")

            def run():
                response = client.get(url)
                assert response.status_code == 200, (url, response.status_code)

        return run

    queries = [q for q in QUERIES if not args.only or args.only in q]
    load_before = os.getloadavg()
    print(
        f"{rows:,} resources; PostgreSQL {server}; {os.cpu_count()} CPUs; "
        f"load average {load_before[0]:.1f}; {args.repeat} runs per query and level; "
        + (
            "search cache made stale before every run (cold)"
            if args.cold
            else "search cache in use (warm after the warm-up)"
        )
        + f"; caches: {caches['search'].__class__.__name__}"
    )
    names = [n for n in levels if available[n]]
    header = f"{'query':<40} {'hits':>6} {'exact':>5}" + "".join(
        f" {n + ' p50':>9} {n + ' p95':>9}" for n in names
    )
    header += f" {'sel/sql':>8}" + (f" {'html/sql':>8}" if available["html"] else "")
    print(header)
    print("-" * len(header))
    pooled: dict[str, list[float]] = {n: [] for n in names}
    all_exact = True
    for query_string in queries:
        runs = {n: runner(n, query_string) for n in names}
        hits = resource_search(
            user=anonymous,
            params=SearchParams.from_querydict(QueryDict(query_string)),
        ).total
        for _ in range(args.warmup):
            for name in names:
                if name != "sql":
                    runs[name]()
        timings: dict[str, list[float]] = {n: [] for n in names}
        # The portal's levels take turns, so that a noisy moment hits them all
        # alike. The bare SQL runs apart, after them: it reads the vector of
        # every hit (tens of thousands for a common word), which pushes out of
        # PostgreSQL's shared buffers the pages the portal's statements use, so
        # taking turns with it would time the portal after a cache flush, a
        # load no visitor puts on it.
        portal = [n for n in names if n != "sql"]
        for _ in range(args.repeat):
            for name in portal:
                if args.cold:
                    _bump()  # not timed: every entry is stale, as after a change
                timings[name].append(timed(runs[name]))
        for _ in range(args.warmup):
            runs["sql"]()
        for _ in range(args.repeat):
            timings["sql"].append(timed(runs["sql"]))
        is_exact = exact(SearchParams.from_querydict(QueryDict(query_string)))
        all_exact = all_exact and is_exact
        line = (
            f"{(query_string or '(browse)')[:40]:<40} {hits:>6}"
            f" {'yes' if is_exact else 'NO':>5}"
        )
        for name in names:
            pooled[name] += timings[name]
            line += (
                f" {statistics.median(timings[name]):>9.1f}"
                f" {percentile(timings[name], 95):>9.1f}"
            )
        base = statistics.median(timings["sql"])
        line += f" {statistics.median(timings['sel']) / base:>8.1f}"
        if available["html"]:
            line += f" {statistics.median(timings['html']) / base:>8.1f}"
        print(line)
    print("-" * len(header))
    line = f"{'all queries':<40} {'':>6} {'yes' if all_exact else 'NO':>5}"
    for name in names:
        line += (
            f" {statistics.median(pooled[name]):>9.1f}"
            f" {percentile(pooled[name], 95):>9.1f}"
        )
    base = statistics.median(pooled["sql"])
    line += f" {statistics.median(pooled['sel']) / base:>8.1f}"
    if available["html"]:
        line += f" {statistics.median(pooled['html']) / base:>8.1f}"
    print(line)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
