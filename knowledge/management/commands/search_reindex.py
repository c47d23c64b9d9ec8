"""Index every resource again, with what the database now offers."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from knowledge.models import Resource
from knowledge.search_cache import search_cache_invalidate
from knowledge.services import resource_index
from knowledge.textsearch import configs_create, languages_unstemmed


class Command(BaseCommand):
    help = (
        "Create unaccent and the text-search configurations the server has "
        "(after a PostgreSQL upgrade, say) and rebuild every resource's vector."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'"
            )
            if cursor.fetchone():
                cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        unaccent = configs_create(connection)
        ids = list(Resource.objects.values_list("pk", flat=True))
        resource_index(resource_ids=ids)
        search_cache_invalidate()
        self.stdout.write(
            f"Accents ignored: {'yes' if unaccent else 'no (no unaccent)'}; "
            f"resources indexed: {len(ids)}; languages without a stemmer: "
            f"{', '.join(languages_unstemmed()) or 'none'}."
        )
