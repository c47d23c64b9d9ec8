"""The portal's Celery app with the export tests' indicator registered: the
worker process started for tests/celery/test_network_exports.py runs this."""

from p2i_portal.celery import app
from tests.network.export_indicator import register_test_indicator

register_test_indicator()

__all__ = ["app"]
