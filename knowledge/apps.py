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

        from django.core import checks

        checks.register(_trigram_check, checks.Tags.database)


def _trigram_check(databases=None, **kwargs):
    from django.core.checks import Warning
    from django.db import DatabaseError

    from .trigram import trigram_installed

    if not databases:
        return []
    try:
        installed = trigram_installed()
    except DatabaseError:
        return []
    if installed:
        return []
    return [
        Warning(
            "PostgreSQL has no pg_trgm extension: the knowledge base search runs "
            "without typo tolerance on titles.",
            hint="Use a PostgreSQL with its contrib modules (DATABASE_URL); the "
            "embedded one of `make run` has none.",
            id="knowledge.W001",
        )
    ]
