"""Production settings: every secret from the environment; `check --deploy` clean."""

from .base import *  # noqa: F403
from .base import database_settings, env, require

DEBUG = False
SECRET_KEY = require("DJANGO_SECRET_KEY")
require("DJANGO_ALLOWED_HOSTS")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
DATABASES = database_settings(embedded_fallback=False)
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="") or require("REDIS_URL")
CELERY_TASK_ALWAYS_EAGER = False
require("EMAIL_URL")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))  # noqa: F405
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"
