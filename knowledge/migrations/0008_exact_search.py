"""One way through the search: no samples, no word pairs; every language stemmed
and, where `unaccent` is installed, matched without accents.

- The sample column and its four indexes go (facets are counted exactly), and so
  do the phrase pairs (`phrase_vector`, its index and functions): a quoted
  phrase is matched on the vector's own GIN index (bench/bench_search.py times it).
- `unaccent` is created where the server has it, and `p2i_simple`, the simple
  configuration with its words unaccented (knowledge/textsearch.py); every
  resource's vector is built again: stemmed with its language's configuration
  (Finnish, Lithuanian, French and, where the server has it, Estonian are new)
  and its title, summary and topics as written, unaccented.
"""

import importlib

from django.db import migrations, models

import knowledge.trigram

PHRASE_FUNCTIONS = importlib.import_module(
    "knowledge.migrations.0004_resource_phrase_vector"
)
DROP_PHRASE_FUNCTIONS = """
DROP FUNCTION p2i_phrase_filter(regconfig[], text[]);
DROP FUNCTION p2i_phrase_bigrams(tsvector);
"""

STEMMERS = [
    "english", "german", "dutch", "spanish", "swedish", "estonian", "greek",
    "italian", "portuguese", "finnish", "lithuanian", "french",
]  # fmt: skip
LANGUAGES = dict(
    zip(
        ["en", "de", "nl", "es", "sv", "et", "el", "it", "pt", "fi", "lt", "fr"],
        STEMMERS,
        strict=True,
    )
)

REINDEX = """
UPDATE knowledge_resource SET
  search_config = %(cfg)s,
  search_vector =
    setweight(to_tsvector(%(cfg)s::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector(%(cfg)s::regconfig,
         coalesce(summary, '') || ' ' || array_to_string(tags, ' ')), 'B')
    || setweight(to_tsvector(%(cfg)s::regconfig,
         coalesce(body, '') || ' ' || coalesce(outcome, '') || ' '
         || coalesce(lessons_learned, '') || ' ' || coalesce(buyer, '')
         || ' ' || coalesce(authors, '')), 'C')
    || setweight(to_tsvector('p2i_simple'::regconfig,
         coalesce(title, '') || ' ' || coalesce(summary, '') || ' '
         || array_to_string(tags, ' ')), 'D')
WHERE language = ANY(%(languages)s)
"""


def configs_create_and_reindex(apps, schema_editor):
    from knowledge.textsearch import configs_create

    connection = schema_editor.connection
    configs_create(connection)
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        installed = {row[0] for row in cursor.fetchall()}
        by_config = {}
        cursor.execute("SELECT DISTINCT language FROM knowledge_resource")
        for (language,) in cursor.fetchall():
            name = LANGUAGES.get(language)
            if name not in installed:
                name = "p2i_simple"
            by_config.setdefault(name, []).append(language)
        for cfg, languages in by_config.items():
            cursor.execute(REINDEX, {"cfg": cfg, "languages": languages})


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0007_sample_tiers"),
    ]

    operations = [
        *(
            migrations.RemoveIndex(model_name="resource", name=name)
            for name in (
                "resource_search_sample_gin",
                "resource_search_coarse_gin",
                "resource_sample_browse_idx",
                "resource_coarse_browse_idx",
                "resource_phrase_gin",
            )
        ),
        migrations.RemoveField(model_name="resource", name="sample"),
        migrations.RemoveField(model_name="resource", name="phrase_vector"),
        migrations.RunSQL(DROP_PHRASE_FUNCTIONS, PHRASE_FUNCTIONS.FUNCTIONS),
        migrations.AlterField(
            model_name="resource",
            name="search_config",
            field=models.CharField(default="p2i_simple", editable=False, max_length=20),
        ),
        knowledge.trigram.ExtensionIfAvailable("unaccent"),
        migrations.RunPython(configs_create_and_reindex, migrations.RunPython.noop),
    ]
