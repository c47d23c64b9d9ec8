"""Create the database cache table when the database cache is configured.

allauth's rate limits need a cache shared by every process; without Redis that is
the database cache, whose table `createcachetable` makes (a no-op otherwise).
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
