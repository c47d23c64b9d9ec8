"""A small vector to rank by, and the matching vector planned through its index.

- `rank_vector` holds title, summary and topics (weighted as in search_vector)
  and stays in the row (STORAGE MAIN): relevance is ranked on it, where ranking
  on search_vector would read every hit's vector from TOAST.
- search_vector is added again without statistics (SET STATISTICS 0): with them
  PostgreSQL estimates a common word's hits well but not the cost of reading
  each vector out of TOAST to check `@@`, and scans the whole table instead of
  reading the hits from the GIN index; without them it assumes few hits and
  reads the index. Dropping the column is the one way to drop its statistics.
  Measured at 100,000 benchmark resources (bench/seed_resources.py) by
  collecting them again (SET STATISTICS -1, ANALYZE): the facet statement and
  the page's ids of the most common words ("procurement", "innovation") became
  sequential scans that read every vector, about three times the cost of the
  index plans they have without statistics; rarer words and phrases kept their
  plans. So the setting stays. (ALTER … SET STATISTICS 0 does not remove
  statistics already gathered: a database that has them needs the column's
  pg_statistic row deleted, or the column dropped and rebuilt, as here.)

Both vectors are built again for every resource.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

REINDEX = """
UPDATE knowledge_resource SET
  rank_vector =
    setweight(to_tsvector(search_config::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector(search_config::regconfig,
         coalesce(summary, '') || ' ' || array_to_string(tags, ' ')), 'B')
    || setweight(to_tsvector('p2i_simple'::regconfig,
         coalesce(title, '') || ' ' || coalesce(summary, '') || ' '
         || array_to_string(tags, ' ')), 'D'),
  search_vector =
    setweight(to_tsvector(search_config::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector(search_config::regconfig,
         coalesce(summary, '') || ' ' || array_to_string(tags, ' ')), 'B')
    || setweight(to_tsvector(search_config::regconfig,
         coalesce(body, '') || ' ' || coalesce(outcome, '') || ' '
         || coalesce(lessons_learned, '') || ' ' || coalesce(buyer, '')
         || ' ' || coalesce(authors, '')), 'C')
    || setweight(to_tsvector('p2i_simple'::regconfig,
         coalesce(title, '') || ' ' || coalesce(summary, '') || ' '
         || array_to_string(tags, ' ')), 'D')
"""


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0008_exact_search"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="resource", name="resource_search_gin"),
        migrations.RemoveField(model_name="resource", name="search_vector"),
        migrations.AddField(
            model_name="resource",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True
            ),
        ),
        migrations.AddField(
            model_name="resource",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True
            ),
        ),
        migrations.RunSQL(
            "ALTER TABLE knowledge_resource "
            "ALTER COLUMN search_vector SET STATISTICS 0, "
            "ALTER COLUMN rank_vector SET STORAGE MAIN",
            migrations.RunSQL.noop,
        ),
        migrations.RunSQL(REINDEX, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="resource",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search_vector"], name="resource_search_gin"
            ),
        ),
    ]
