from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Knowledge base"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Resource
        from .search_cache import search_cache_invalidate

        def invalidate(sender, **kwargs):
            search_cache_invalidate()

        # Any change of a resource may change what a search finds or counts.
        post_save.connect(invalidate, sender=Resource, weak=False)
        post_delete.connect(invalidate, sender=Resource, weak=False)
