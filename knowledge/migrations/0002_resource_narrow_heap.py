"""Keep knowledge_resource's heap narrow, for search and facets at scale.

A row is ~5 kB (body, rendered body, summary, search vector) and PostgreSQL keeps
what it can inline, so at 100 000 resources the table was 330 MB: counting facets
over a common word's 40 000 matches read most of it. With a low TOAST target the
long values move out of line (read only for the page shown), while the columns
that facets, filters and the trigram recheck read on every match stay inline
(STORAGE MAIN): the heap shrinks to ~45 MB. Rows written before this migration
keep their layout until they are updated (or `VACUUM FULL knowledge_resource`).
"""

from django.db import migrations

INLINE = ("title", "sectors", "approaches", "countries")

FORWARD = [
    "ALTER TABLE knowledge_resource SET (toast_tuple_target = 128)",
    "ALTER TABLE knowledge_resource "
    + ", ".join(f"ALTER COLUMN {c} SET STORAGE MAIN" for c in INLINE),
]
BACKWARD = [
    "ALTER TABLE knowledge_resource RESET (toast_tuple_target)",
    "ALTER TABLE knowledge_resource "
    + ", ".join(f"ALTER COLUMN {c} SET STORAGE EXTENDED" for c in INLINE),
]


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(FORWARD, reverse_sql=BACKWARD),
    ]
