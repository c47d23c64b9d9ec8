"""Word pairs of each resource's vector, indexed, for quoted phrases.

A quoted phrase ("market consultation") matches `'market' <-> 'consult'`: the GIN
index on search_vector gives every resource holding both words anywhere, and
PostgreSQL reads each one's whole vector (body included, from TOAST) to check
where the words stand. For two common words that is a large share of the
resources, to find a few hundred matches: measured at 100,000 resources, the
phrase was the slowest search of the benchmark, several times its target.

`phrase_vector` holds the pairs of lexemes that stand next to each other in
search_vector ('market consult'), so a phrase's pairs are a plain lexeme query
on their own GIN index, exact without a recheck, and only the resources that
hold them are checked for the phrase itself (as search engines index word
pairs, Elasticsearch's `index_phrases`). It is a stored generated column:
PostgreSQL keeps it in step with search_vector on every write.

The functions are those of migration 0004 (dropped by 0008, created again
here): `p2i_phrase_bigrams(vector)` makes the pairs, `p2i_phrase_filter(configs,
phrases)` is the query side, NULL when some configuration leaves a phrase
without a pair (a stop word between two words, a one-word phrase), and then the
search does without the pairs (knowledge/selectors.py, PhraseMatch).
"""

import importlib

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations, models

PHRASE = importlib.import_module("knowledge.migrations.0004_resource_phrase_vector")


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0009_search_vector_rank"),
    ]

    operations = [
        migrations.RunSQL(PHRASE.FUNCTIONS, PHRASE.DROP_FUNCTIONS),
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
