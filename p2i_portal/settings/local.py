"""Development settings: `make run` on a bare machine."""

from .base import *  # noqa: F403
from .base import database_settings, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env.str(
    "DJANGO_SECRET_KEY", default="local-development-only-not-secret-0123456789abcdef"
)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
DATABASES = database_settings(embedded_fallback=True)
