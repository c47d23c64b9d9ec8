"""Test settings: PostgreSQL (DATABASE_URL or embedded), fast hashing, mail in memory."""

import re
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, database_settings, env

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-used-anywhere-else-0123456789"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = env.str(
    "P2I_TEST_EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend"
)
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
# The suite's in-process tests run tasks eagerly; the Celery tests start a real
# worker on a real Redis and switch this off for themselves.
CELERY_TASK_ALWAYS_EAGER = env.bool("P2I_CELERY_EAGER", default=True)
MEDIA_ROOT = env.path(
    "DJANGO_MEDIA_ROOT", default=str(Path(tempfile.gettempdir()) / "p2i-test-media")
)
DATABASES = database_settings(embedded_fallback=True)
DATABASES["default"]["CONN_MAX_AGE"] = 0
# A Celery worker started by the tests must use the test database, whose name
# pytest-django decides; the tests pass it down in this variable.
if env.str("P2I_DATABASE_NAME", default=""):
    DATABASES["default"]["NAME"] = env.str("P2I_DATABASE_NAME")
    DATABASES["default"]["TEST"] = {"NAME": env.str("P2I_DATABASE_NAME")}
# Static files come from the finders; nothing is collected for the tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Parallel test workers share one Redis: give each its own cache database (2, 3, …;
# Celery's tests use database 1), since clearing a django-redis cache flushes it.
_worker = env.str("PYTEST_XDIST_WORKER", default="gw0").removeprefix("gw") or "0"
for _cache in CACHES.values():
    if _cache["BACKEND"] == "django_redis.cache.RedisCache":
        _cache["LOCATION"] = re.sub(
            r"(/\d+)?$", f"/{2 + int(_worker)}", _cache["LOCATION"].rstrip("/"), count=1
        )
