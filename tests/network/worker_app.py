"""The portal's Celery app with the export tests' indicators registered: the
worker that tests/celery/test_network_exports.py starts runs this module.

Besides the throwaway figure the tests check, two slow figures that count
nothing make a build last long enough for the test to watch its progress."""

import time

from network.indicators import Indicator, registry
from p2i_portal.celery import app
from tests.network.export_indicator import register_test_indicator

SLOW_SECONDS = 0.4


def _slow(**kwargs):
    time.sleep(SLOW_SECONDS)
    return {}


register_test_indicator()
for order in (1, 500):
    registry.register(
        Indicator(
            key=f"tests.slow_{order}",
            label=f"Slow figure {order}",
            topic="Slow figures",
            compute=_slow,
            order=order,
        )
    )

__all__ = ["app"]
