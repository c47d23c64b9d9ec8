"""pg_trgm (and other contrib extensions), when the database has them.

Typo tolerance on titles needs the pg_trgm extension. Every PostgreSQL built with
its contrib modules (the official images, the embedded server of `make run`)
has it; a server installed without contrib does not. There the portal runs
without typo tolerance instead of not starting, and `manage.py check` says so.
"""

from django.contrib.postgres.operations import CreateExtension
from django.db import connection
from django.db.migrations import AddIndex


def _available(schema_editor, name="pg_trgm") -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = %s", [name])
        return cursor.fetchone() is not None


def _installed(conn) -> bool:
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        return cursor.fetchone() is not None


def trigram_installed() -> bool:
    """Whether pg_trgm is installed in the current database (asked once per
    connection)."""
    cached = getattr(connection, "_p2i_trigram", None)
    if cached is None:
        cached = connection._p2i_trigram = _installed(connection)
    return cached


class ExtensionIfAvailable(CreateExtension):
    """CREATE EXTENSION `name` where the server has it; nothing elsewhere."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if _available(schema_editor, self.name):
            super().database_forwards(app_label, schema_editor, from_state, to_state)


class TrigramExtensionIfAvailable(ExtensionIfAvailable):
    """CREATE EXTENSION pg_trgm where the server has it; nothing elsewhere."""

    def __init__(self):
        super().__init__("pg_trgm")

    def deconstruct(self):
        return self.__class__.__qualname__, [], {}


class AddTrigramIndex(AddIndex):
    """AddIndex of a gin_trgm_ops index, skipped where pg_trgm is not installed."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if _installed(schema_editor.connection):
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if _installed(schema_editor.connection):
            super().database_backwards(app_label, schema_editor, from_state, to_state)
