"""A real Celery worker for the export tests, running tests/network/worker_app.py
(the portal's app plus the tests' indicators) on its own queue; `live_exports`
sends this test's tasks to it instead of running them eagerly."""

import os

import pytest

from tests.services import celery_publishing_to, celery_worker_start, celery_worker_stop


@pytest.fixture(scope="module")
def exports_queue(celery_queue):
    return f"{celery_queue}-exports"


@pytest.fixture(scope="module")
def exports_worker(
    django_db_setup, django_db_blocker, redis_url, smtp_server, exports_queue
):
    from django.db import connection

    _, smtp_port = smtp_server
    proc = celery_worker_start(
        database=connection.settings_dict["NAME"],
        broker_url=redis_url,
        smtp_port=smtp_port,
        queue=exports_queue,
        name=f"exports-{os.getpid()}",
        app="tests.network.worker_app",
    )
    try:
        yield proc
    finally:
        celery_worker_stop(proc)


@pytest.fixture
def live_exports(exports_worker, redis_url, exports_queue, settings):
    with celery_publishing_to(redis_url, exports_queue, settings):
        yield exports_worker
