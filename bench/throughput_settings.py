"""Settings of bench/bench_throughput.py's gunicorn: production's, plus one URL.

The URLconf adds the bare view that every page is compared with; everything
else (middleware, caches, templates, static files) is what production runs.
"""

from p2i_portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.throughput_urls"
