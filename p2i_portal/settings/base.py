"""Settings shared by every environment; everything variable comes from the environment."""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from celery.schedules import crontab

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = BASE_DIR / ".data"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


def require(name: str) -> str:
    """Read a variable that has no safe default; stop with one clear line if missing."""
    value = env.str(name, default="")
    if not value:
        raise SystemExit(
            f"Missing required environment variable {name} (see .env.example)."
        )
    return value


DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("P2I_SITE_URL", default="http://127.0.0.1:8000")
# Reverse proxies of ours in front of the portal (load balancer, TLS terminator).
# The per-IP limits (the portal's, DRF's throttles, allauth's) take the client's
# address from X-Forwarded-For only through this many proxies; with 0 they ignore
# the header, which any client can send (p2i_portal/client_ip.py).
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise SystemExit("DJANGO_TRUSTED_PROXY_COUNT must be 0 or more (see .env.example).")
# The domain of the Message-IDs of every e-mail (default: the host of SITE_URL).
SITE_DOMAIN = env.str("DJANGO_SITE_DOMAIN", default="") or urlsplit(SITE_URL).hostname

INSTALLED_APPS = [
    "p2i_portal.apps.P2IAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_countries",
    "csp",
    "rosetta",
    "accounts",
    "centres",
    "knowledge",
    "events",
    "newsletters",
    "translators",
    "network",
    "advice",
    "cooperation",
    "communities",
    "p2i_portal.apps.P2IPortalConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "p2i_portal.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "translators.reload.CatalogueRefreshMiddleware",
    # Before the language middleware, which asks for the account's language.
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "p2i_portal.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "centres.middleware.CentreScopeMiddleware",
]

ROOT_URLCONF = "p2i_portal.urls"
WSGI_APPLICATION = "p2i_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "centres.context_processors.workspaces",
            ],
            # The date and number filters every page and e-mail uses, without a
            # {% load %} line in each template.
            "builtins": ["p2i_portal.templatetags.portal_l10n"],
            "libraries": {"languages": "p2i_portal.language_tags"},
        },
    },
]


# --- Database: PostgreSQL everywhere. local.py and test.py fall back to the
# embedded server when no URL is given; production.py requires the URL. ---
def database_settings(*, embedded_fallback: bool) -> dict:
    if env.str("DATABASE_URL", default=""):
        db = env.db("DATABASE_URL")
    elif embedded_fallback:
        from p2i_portal.embedded_db import embedded_database

        db = embedded_database()
    else:
        require("DATABASE_URL")
    db["ATOMIC_REQUESTS"] = True
    db["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
    db["CONN_HEALTH_CHECKS"] = True
    return {"default": db}


DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when there is one; otherwise the database (still shared between
# processes, so allauth's rate limits hold under several workers) ---
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("P2I_CACHE_PREFIX", default="p2i"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "p2i_cache",
        }
    }
# Search results (facet counts, page ids): in Redis, shared by every process; a
# process's own memory when there is no Redis (one `runserver`). Entries carry a
# generation that every change of a resource bumps (knowledge/search_cache.py).
CACHES["search"] = (
    {**CACHES["default"], "KEY_PREFIX": CACHES["default"]["KEY_PREFIX"] + "-search"}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
)
KNOWLEDGE_SEARCH_CACHE_SECONDS = env.int("P2I_SEARCH_CACHE_SECONDS", default=600)
# Rendered page fragments ({% cache ... using="fragments" %}): the navigation,
# language choice and footer of every page, which change only with a deploy, and
# the centres' content on the home page, the directory and the centre pages,
# whose keys carry a version that every change of a centre replaces
# (centres/caching.py). Each process keeps its own, so a deploy, which restarts
# the processes, never serves fragments of the templates it replaced.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "TIMEOUT": 3600,
    "OPTIONS": {"MAX_ENTRIES": 2000},
}

# --- Celery: the broker is only a doorbell; without one, tasks run in-process ---
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # An eager call still takes a producer from the pool; the in-memory transport
    # spares kombu a connection to a broker that is not there.
    CELERY_BROKER_URL = "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT, CELERY_TASK_SOFT_TIME_LIMIT = 300, 240
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE = {
    "outbound-email-reap": {
        "task": "accounts.tasks.email_reap",
        "schedule": 300.0,
    },
    "event-reminders": {
        "task": "events.tasks.event_reminders_send",
        "schedule": 900.0,
    },
    "advice-reminders": {
        "task": "advice.tasks.reminders_send",
        "schedule": 900.0,
    },
    "event-registrations-expire": {
        "task": "events.tasks.registrations_expire",
        "schedule": 3600.0,
    },
    "newsletter-deliveries-reap": {
        "task": "newsletters.tasks.deliveries_reap",
        "schedule": float(env.int("NEWSLETTER_REAP_SECONDS", default=15)),
    },
    "newsletter-issues-start-due": {
        "task": "newsletters.tasks.issues_start_due",
        "schedule": 60.0,
    },
    "newsletter-digest-weekly": {
        "task": "newsletters.tasks.digests_assemble",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon"),
        "args": ["weekly"],
    },
    "onboarding-milestone-reminders": {
        "task": "network.onboarding_tasks.milestone_reminders_send",
        "schedule": crontab(minute=30, hour=6),
    },
    "newsletter-digest-monthly": {
        "task": "newsletters.tasks.digests_assemble",
        "schedule": crontab(minute=0, hour=7, day_of_month="1"),
        "args": ["monthly"],
    },
    "community-summaries-daily": {
        "task": "communities.tasks.summaries_send",
        "schedule": crontab(minute=0, hour=6),
        "args": ["daily"],
    },
    "community-summaries-weekly": {
        "task": "communities.tasks.summaries_send",
        "schedule": crontab(minute=15, hour=6, day_of_week="mon"),
        "args": ["weekly"],
    },
    "network-report-exports-purge": {
        "task": "network.tasks.report_exports_purge",
        "schedule": 3600.0,
    },
}
# Redis redelivers an unacknowledged task after this; ETAs stay below half of it.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}

# --- Mail: a URL (smtp://user:pass@host:port, consolemail://, filemail://…) ---
EMAIL_URL = env.str("EMAIL_URL", default="")
if EMAIL_URL:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = DATA_DIR / "mail"
DEFAULT_FROM_EMAIL = env.str(
    "DJANGO_DEFAULT_FROM_EMAIL", default="P2I Portal <no-reply@p2i.example.eu>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 20

# --- Newsletters: bulk mail (newsletters.tasks) ---
NEWSLETTER_FROM_EMAIL = env.str(
    "NEWSLETTER_FROM_EMAIL",
    default="P2I Task Force newsletter <newsletter@p2i.example.eu>",
)
NEWSLETTER_UNSUBSCRIBE_MAILTO = env.str("NEWSLETTER_UNSUBSCRIBE_MAILTO", default="")
# Shared secret of the bounce/complaint webhook; empty turns the webhook off.
NEWSLETTER_WEBHOOK_SECRET = env.str("NEWSLETTER_WEBHOOK_SECRET", default="")
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=100)
NEWSLETTER_PARALLEL = env.int("NEWSLETTER_PARALLEL", default=4)
# A claim is a lease renewed while its batch is sent; a dead worker's claims
# come back after the lease plus one reaper run (newsletters/tasks.py).
NEWSLETTER_LEASE_SECONDS = env.int("NEWSLETTER_LEASE_SECONDS", default=30)
NEWSLETTER_RING_AFTER_SECONDS = env.int("NEWSLETTER_RING_AFTER_SECONDS", default=30)
NEWSLETTER_MARK_EVERY = env.int("NEWSLETTER_MARK_EVERY", default=1)

# --- Accounts ---
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[P2I] "
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupProfileForm"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "P2I Portal"
# Accept the code of the 30-second step before and after the current one (RFC
# 6238's allowance for delay): a code typed as its step ends still signs in.
# allauth marks a used code for the whole window, so it cannot be replayed.
MFA_TOTP_TOLERANCE = 1
MFA_ADAPTER = "allauth.mfa.adapter.DefaultMFAAdapter"

# --- Internationalisation ---
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("nl", "Nederlands"),
    ("es", "Español"),
    ("sv", "Svenska"),
    ("et", "Eesti"),
    ("el", "Ελληνικά"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("fi", "Suomi"),
    ("lt", "Lietuvių"),
]
# The catalogues the translation screen corrects (translators/): the shipped
# locale/ by default; in production a volume that `manage.py translations_sync`
# keeps in step with the image (README, "Correcting translations"). It comes
# first, so its corrections win over the image's catalogues.
TRANSLATIONS_DIR = Path(
    env.str("P2I_TRANSLATIONS_DIR", default="") or BASE_DIR / "locale"
)
LOCALE_PATHS = list(dict.fromkeys([TRANSLATIONS_DIR, BASE_DIR / "locale"]))
# Dates and numbers follow the page's language; p2i_portal/formats corrects the
# languages whose Django defaults are wrong for European readers and adds the
# portal's named formats (the staff tables' one form, an event's weekday).
FORMAT_MODULE_PATH = ["p2i_portal.formats"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SECURE = False
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- The translation screen (django-rosetta behind translators.permissions) ---
ROSETTA_ACCESS_CONTROL_FUNCTION = "translators.permissions.can_translate"
ROSETTA_LANGUAGES = LANGUAGES
ROSETTA_MESSAGES_PER_PAGE = 25
# Suggestions would send the interface's text to an outside service.
ROSETTA_ENABLE_TRANSLATION_SUGGESTIONS = False
ROSETTA_SHOW_AT_ADMIN_PANEL = False
ROSETTA_AUTO_COMPILE = True
ROSETTA_POFILE_WRAP_WIDTH = 79
ROSETTA_CACHE_NAME = "default"

# --- Static and media ---
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=str(DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
LOGO_MAX_BYTES = 2 * 1024 * 1024

# --- Security headers that hold everywhere ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
# Browser features no page of the portal uses (p2i_portal.middleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), "
    "payment=(), usb=()"
)

# Content-Security-Policy: nothing from other origins, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- API ---
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only: the API takes no files, and a form body cannot say null.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("P2I_API_ANON_RATE", default="120/min"),
        "user": env.str("P2I_API_USER_RATE", default="600/min"),
    },
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
    "EXCEPTION_HANDLER": "p2i_portal.api_errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "P2I Portal API",
    "DESCRIPTION": "Network-wide data of the innovation procurement competence centres.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Request bodies get their own components, so that what a client must send is
    # stated exactly: no read-only fields, minLength 1 where blank is refused.
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "p2i_portal.api_errors.document_throttling",
        "knowledge.api.views.centre_slugs_in_schema",
        "p2i_portal.api_schema.centre_slugs_in_request_bodies",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Tasks run in-process log every run into the shell of `make run`; a worker
        # (a broker is set) keeps logging them.
        "celery.app.trace": {
            "level": "WARNING" if CELERY_TASK_ALWAYS_EAGER else "INFO",
        },
    },
}

ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024
