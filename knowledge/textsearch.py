"""The text-search configurations the knowledge base indexes and searches with.

A resource's text is stemmed with PostgreSQL's built-in configuration of its
language (a Snowball stemmer), and its title, summary and topics are indexed
once more as written, with `p2i_simple`: the `simple` configuration with, where
the `unaccent` extension is installed, its words unaccented, so that
"contratacion" finds "contratación". (The stemmers themselves get the words
with their accents: unaccented, the Portuguese one no longer stems
"contratações".) PostgreSQL 15 has no Estonian stemmer (PostgreSQL 18 has
one): a language whose configuration the server lacks is indexed with
`p2i_simple` alone, and `manage.py check` says so (knowledge.W002).
"""

from django.db import connection

# The built-in configuration (and Snowball stemmer) of each language.
STEMMERS = {
    "en": "english",
    "de": "german",
    "nl": "dutch",
    "es": "spanish",
    "sv": "swedish",
    "et": "estonian",
    "el": "greek",
    "it": "italian",
    "pt": "portuguese",
    "fi": "finnish",
    "lt": "lithuanian",
    "fr": "french",
}
SIMPLE = "p2i_simple"
# The token types that may hold letters with accents (asciiword cannot).
ACCENTED_TOKENS = "word, hword, hword_part"


def _select(conn, sql: str) -> set[str]:
    with conn.cursor() as cursor:
        cursor.execute(sql)
        return {row[0] for row in cursor.fetchall()}


def configs_create(conn) -> bool:
    """Create p2i_simple, and unaccent its words where `unaccent` is installed
    (returns whether it is). Safe to run again: migration 0008 runs it, and
    `manage.py search_reindex` after the server gained unaccent."""
    unaccent = bool(
        _select(conn, "SELECT extname FROM pg_extension WHERE extname = 'unaccent'")
    )
    with conn.cursor() as cursor:
        if SIMPLE not in _select(conn, "SELECT cfgname FROM pg_ts_config"):
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {SIMPLE} (COPY = simple)")
        if unaccent:
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {SIMPLE} "
                f"ALTER MAPPING FOR {ACCENTED_TOKENS} WITH unaccent, simple"
            )
    _installed.clear()
    return unaccent


# Per database (a test run switches the connection to the test database).
_installed: dict[str, frozenset[str]] = {}


def configs_installed() -> frozenset[str]:
    """The text-search configurations of the current database (asked once per
    process: they change with a migration, which forgets the answer)."""
    database = connection.settings_dict["NAME"]
    if database not in _installed:
        _installed[database] = frozenset(
            _select(connection, "SELECT cfgname FROM pg_ts_config")
        )
    return _installed[database]


def search_config_for(language: str) -> str:
    """The configuration a resource in `language` is stemmed with."""
    stemmer = STEMMERS.get(language)
    return stemmer if stemmer in configs_installed() else SIMPLE


def query_configs() -> list[str]:
    """Every configuration resources are indexed with, the unstemmed one first:
    a visitor's words are looked up in each of them."""
    installed = configs_installed()
    return [SIMPLE, *(s for s in dict.fromkeys(STEMMERS.values()) if s in installed)]


def languages_unstemmed() -> list[str]:
    """Languages whose stemmer the database lacks (indexed as written)."""
    installed = configs_installed()
    return [code for code, stemmer in STEMMERS.items() if stemmer not in installed]


def unaccent_installed() -> bool:
    return bool(
        _select(
            connection, "SELECT extname FROM pg_extension WHERE extname = 'unaccent'"
        )
    )
