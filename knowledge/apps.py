from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Knowledge base"

    def ready(self):
        # Key figures for the network console (network/indicators.py).
        from . import indicators

        indicators.register_indicators()
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
        checks.register(_text_search_check, checks.Tags.database)


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
            hint="Use a PostgreSQL with its contrib modules (the embedded one "
            "that `make run` starts without DATABASE_URL has them).",
            id="knowledge.W001",
        )
    ]


def _text_search_check(databases=None, **kwargs):
    """Languages the server cannot stem, and accents it cannot ignore
    (knowledge/textsearch.py), asked of the database itself."""
    from django.core.checks import Warning
    from django.db import DatabaseError

    from p2i_portal.vocab import Language

    from .textsearch import configs_installed, languages_unstemmed, unaccent_installed

    if not databases:
        return []
    try:
        if not configs_installed():  # not migrated yet: nothing to say
            return []
        unstemmed = [str(Language(code).label) for code in languages_unstemmed()]
        unaccent = unaccent_installed()
    except DatabaseError:
        return []
    warnings = []
    if unstemmed:
        warnings.append(
            Warning(
                "PostgreSQL has no text-search configuration for these languages: "
                f"{', '.join(unstemmed)}. Their resources are indexed without "
                "stemming (p2i_simple): a word is found only as written.",
                hint="A newer PostgreSQL has more Snowball stemmers (Estonian "
                "since PostgreSQL 18); after upgrading, run `manage.py "
                "search_reindex`.",
                id="knowledge.W002",
            )
        )
    if not unaccent:
        warnings.append(
            Warning(
                "PostgreSQL has no unaccent extension: the knowledge base search "
                "matches accents exactly (“contratacion” does not find "
                "“contratación”).",
                hint="Use a PostgreSQL with its contrib modules, then run "
                "`manage.py search_reindex`.",
                id="knowledge.W003",
            )
        )
    return warnings
