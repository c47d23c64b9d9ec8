"""Word pairs of each resource's vector, indexed, for fast phrase searches.

A quoted phrase ("market consultation") matches `'market' <-> 'consult'`: the GIN
index on the vector gives every resource holding both words (28 000 of 100 000 in
the benchmark) and PostgreSQL reads each one's vector from TOAST to check where
the words stand, 6 µs a row. `phrase_vector` holds the pairs of lexemes that stand
next to each other in `search_vector` ('market consult'), so a phrase's pairs are
a plain lexeme query on its own GIN index, exact without a recheck, and only the
resources that hold them are checked for the phrase itself (as search engines
index word pairs, Elasticsearch's `index_phrases`). It is a stored generated
column: PostgreSQL keeps it in step with the vector on every write.

`p2i_phrase_filter(configs, phrases)` is the query side: for each configuration
the pairs of every phrase (AND), the configurations OR'ed; NULL when some
configuration leaves a phrase without a pair (a stop word between two words, a
one-word phrase): then the pairs say nothing and the search does without them.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

FUNCTIONS = r"""
CREATE FUNCTION p2i_phrase_bigrams(v tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(array_to_tsvector(array_agg(DISTINCT a.lexeme || ' ' || b.lexeme)),
                  ''::tsvector)
  FROM (SELECT lexeme, unnest(positions) AS p FROM unnest(v)) a
  JOIN (SELECT lexeme, unnest(positions) AS p FROM unnest(v)) b ON b.p = a.p + 1
$$;
CREATE FUNCTION p2i_phrase_filter(configs regconfig[], phrases text[]) RETURNS tsquery
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN bool_and(pairs IS NOT NULL)
              THEN string_agg('(' || pairs || ')', ' | ')::tsquery END
  FROM (
    SELECT c, string_agg(DISTINCT quoted, ' & ') AS pairs
    FROM unnest(configs) AS c
    LEFT JOIN LATERAL (
      SELECT '''' || replace(replace(pair, '\', '\\'), '''', '''''') || '''' AS quoted
      FROM unnest(phrases) AS phrase,
           unnest(tsvector_to_array(p2i_phrase_bigrams(to_tsvector(c, phrase)))) AS pair
    ) x ON true
    GROUP BY c
  ) per_config
$$;
"""
DROP_FUNCTIONS = """
DROP FUNCTION p2i_phrase_filter(regconfig[], text[]);
DROP FUNCTION p2i_phrase_bigrams(tsvector);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0003_resource_sample"),
    ]

    operations = [
        migrations.RunSQL(FUNCTIONS, DROP_FUNCTIONS),
        migrations.AddField(
            model_name="resource",
            name="phrase_vector",
            field=models.GeneratedField(
                db_persist=True,
                editable=False,
                expression=models.Func(
                    models.F("search_vector"),
                    function="p2i_phrase_bigrams",
                    output_field=django.contrib.postgres.search.SearchVectorField(),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="resource",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["phrase_vector"], name="resource_phrase_gin"
            ),
        ),
    ]
