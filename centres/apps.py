from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class CentresConfig(AppConfig):
    name = "centres"
    verbose_name = "Centres"

    def ready(self):
        # Key figures for the network console (network/indicators.py).
        from . import indicators

        indicators.register_indicators()
        from .caching import centres_changed
        from .models import Centre

        post_save.connect(
            centres_changed, sender=Centre, dispatch_uid="centres-fragments-version"
        )
        post_delete.connect(
            centres_changed, sender=Centre, dispatch_uid="centres-fragments-version"
        )
