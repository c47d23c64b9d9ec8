"""Fixtures of the events tests."""

import pytest


@pytest.fixture
def live_worker(celery_live):
    """The real Celery worker (tests/services.py), under the events tests' name."""
    return celery_live
