"""Shared fixtures: personas of two centres, and the real services the suite uses."""

import contextlib

import django.test.utils
import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from celery._state import _set_task_join_will_block
from django.conf import settings
from django.core.cache import caches
from django.utils import translation
from django_scopes import scopes_disabled

from accounts.totp import totp_code_now
from centres.models import Role

from .factories import PASSWORD, CentreFactory, UserFactory, membership_create

TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ"

pytest_plugins = ["tests.services"]


def _setup_databases_unscoped(*args, **kwargs):
    """As django-scopes' README asks: no scope checks while building the database,
    and only then: every test runs with the safety net on."""
    with scopes_disabled():
        return _setup_databases(*args, **kwargs)


_setup_databases = django.test.utils.setup_databases
django.test.utils.setup_databases = _setup_databases_unscoped


def _cache_clear():
    # A test without database access cached nothing (the cache may be the DB).
    for each in caches.all():
        with contextlib.suppress(RuntimeError):
            each.clear()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and used TOTP codes must not leak between tests."""
    _cache_clear()
    yield
    _cache_clear()


@pytest.fixture
def quiet_catalogue_poll(monkeypatch):
    """Query counts without the catalogue poll: every few seconds a request
    reads the catalogue generation from the default cache, which is a table
    when no Redis is configured, so a slow run would count one query more."""
    from translators import reload

    monkeypatch.setattr(reload, "CHECK_EVERY", float("inf"))


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request activates the language
    of its address for the whole thread, and reverse() in the next test would
    otherwise build that language's addresses."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _celery_joins_allowed():
    """Celery keeps "may I wait for a result?" in one flag per process, and an eager
    `.delay()` sets and restores it. Two threads doing so at once (a concurrency
    test, the live server of the browser tests) can leave it set, after which any
    `.apply().get()` in a later test raises "Never call result.get() within a task"."""
    _set_task_join_will_block(False)
    yield


@pytest.fixture(autouse=True)
def _language_reset():
    """LocaleMiddleware activates the page's language in the thread and leaves
    it there; a server's next request activates its own, but the next test would
    inherit it (and, say, register someone "from a Greek page")."""
    yield
    translation.deactivate()


@pytest.fixture
def password():
    return PASSWORD


def with_totp(user):
    TOTP.activate(user, TOTP_SECRET)
    return user


def totp_code(offset=0):
    return totp_code_now(TOTP_SECRET, offset=offset)


# The personas, as plain functions for fixtures of any scope (the permission
# matrix builds them once per module).
def make_centre():
    return CentreFactory(
        slug="alpha", short_name="ALPHA", name="Alpha Centre", country="DE"
    )


def make_other_centre():
    return CentreFactory(
        slug="beta", short_name="BETA", name="Beta Centre", country="NL"
    )


def make_procurer():
    return UserFactory(email="procurer@example.org", full_name="Paula Procurer")


def make_editor(centre):
    user = UserFactory(email="editor-a@example.org", full_name="Emma Editor")
    membership_create(centre=centre, user=user, role=Role.EDITOR)
    return user


def make_manager(centre):
    user = with_totp(
        UserFactory(email="manager-a@example.org", full_name="Max Manager")
    )
    membership_create(centre=centre, user=user, role=Role.MANAGER)
    return user


def make_editor_b(other_centre):
    user = UserFactory(email="editor-b@example.org", full_name="Bea Outsider")
    membership_create(centre=other_centre, user=user, role=Role.EDITOR)
    return user


def make_outsider(other_centre):
    """A manager of *another* centre (healthchecks' charlie)."""
    user = with_totp(
        UserFactory(email="manager-b@example.org", full_name="Oscar Other")
    )
    membership_create(centre=other_centre, user=user, role=Role.MANAGER)
    return user


def make_coordinator():
    return with_totp(
        UserFactory(
            email="coordinator@example.org", full_name="Clara", coordinator=True
        )
    )


@pytest.fixture
def centre(db):
    return make_centre()


@pytest.fixture
def other_centre(db):
    return make_other_centre()


@pytest.fixture
def procurer(db):
    return make_procurer()


@pytest.fixture
def editor(centre):
    return make_editor(centre)


@pytest.fixture
def manager(centre):
    return make_manager(centre)


@pytest.fixture
def editor_b(other_centre):
    return make_editor_b(other_centre)


@pytest.fixture
def outsider(other_centre):
    """A manager of *another* centre (healthchecks' charlie)."""
    return make_outsider(other_centre)


@pytest.fixture
def coordinator(db):
    return make_coordinator()


def has_totp(user) -> bool:
    return Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists()
