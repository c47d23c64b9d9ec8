"""A real Celery worker for the community mail tests, running
the portal's Celery app on its own queue; `live_communities` sends
this test's tasks to it instead of running them eagerly."""

import os

import pytest

from tests.services import celery_publishing_to, celery_worker_start, celery_worker_stop


@pytest.fixture(scope="module")
def communities_queue(celery_queue):
    return f"{celery_queue}-communities"


@pytest.fixture(scope="module")
def communities_worker(
    django_db_setup, django_db_blocker, redis_url, smtp_server, communities_queue
):
    from django.db import connection

    _, smtp_port = smtp_server
    proc = celery_worker_start(
        database=connection.settings_dict["NAME"],
        broker_url=redis_url,
        smtp_port=smtp_port,
        queue=communities_queue,
        name=f"communities-{os.getpid()}",
    )
    try:
        yield proc
    finally:
        celery_worker_stop(proc)


@pytest.fixture
def live_communities(communities_worker, redis_url, communities_queue, settings):
    with celery_publishing_to(redis_url, communities_queue, settings):
        yield communities_worker
