"""Two samples: 1 resource in 64 besides 1 in 16, each with its own indexes.

`sample` becomes a hash of the id in 0–63 (was 0–15): 0 is the 1-in-64 sample,
0–3 the 1-in-16 one, the same resources as before (the hash's low four bits,
times 4, plus its next two). A search with so many hits
that the 1-in-64 sample holds enough of them counts its facets there, in about
a quarter of the time (knowledge/selectors.py, SAMPLE_RATES, COARSE_LIMIT).

A stored generated column cannot be changed in place: it is dropped, with the
indexes on it, and added again, which rewrites the table (seconds at 100 000
rows).
"""

import django.contrib.postgres.indexes
from django.db import migrations, models
from django.db.models.expressions import CombinedExpression

FACET_COLUMNS = ("kind", "sectors", "approaches", "countries", "centre", "language")


def sample_of_id():
    """(hash & 15) * 4 + (hash & 48) / 16 of the id's hash (as Resource.sample)."""
    hashed = models.Func(
        models.F("id"), function="hashint8", output_field=models.IntegerField()
    )
    low = CombinedExpression(hashed, CombinedExpression.BITAND, models.Value(15))
    high = CombinedExpression(hashed, CombinedExpression.BITAND, models.Value(48))
    return CombinedExpression(
        CombinedExpression(low, CombinedExpression.MUL, models.Value(4)),
        CombinedExpression.ADD,
        CombinedExpression(high, CombinedExpression.DIV, models.Value(16)),
    )


def browse_index(name, condition):
    return models.Index(
        condition=condition,
        fields=["status", "visibility", "-published_at"],
        include=FACET_COLUMNS,
        name=name,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0001_initial"),
        ("knowledge", "0006_resource_sample_browse_idx"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="resource", name="resource_search_sample_gin"),
        migrations.RemoveIndex(model_name="resource", name="resource_sample_browse_idx"),
        migrations.RemoveField(model_name="resource", name="sample"),
        migrations.AddField(
            model_name="resource",
            name="sample",
            field=models.GeneratedField(
                db_persist=True,
                expression=sample_of_id(),
                output_field=models.IntegerField(),
            ),
        ),
        migrations.AddIndex(
            model_name="resource",
            index=django.contrib.postgres.indexes.GinIndex(
                condition=models.Q(("sample__lt", 4)),
                fields=["search_vector"],
                name="resource_search_sample_gin",
            ),
        ),
        migrations.AddIndex(
            model_name="resource",
            index=django.contrib.postgres.indexes.GinIndex(
                condition=models.Q(("sample__lt", 1)),
                fields=["search_vector"],
                name="resource_search_coarse_gin",
            ),
        ),
        migrations.AddIndex(
            model_name="resource",
            index=browse_index("resource_sample_browse_idx", models.Q(("sample__in", [0, 1, 2, 3]))),
        ),
        migrations.AddIndex(
            model_name="resource",
            index=browse_index("resource_coarse_browse_idx", models.Q(("sample", 0))),
        ),
    ]
