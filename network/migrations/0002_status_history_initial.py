from django.db import migrations


def record_current_status(apps, schema_editor):
    """Every centre that exists already starts its history with its status
    as it stands, dated the day the centre was created."""
    Centre = apps.get_model("centres", "Centre")
    Change = apps.get_model("network", "CentreStatusChange")
    Change.objects.bulk_create(
        Change(
            centre_id=centre.pk,
            old_status="",
            new_status=centre.status,
            changed_on=centre.created_at.date(),
        )
        for centre in Centre.objects.exclude(status_changes__isnull=False)
    )


class Migration(migrations.Migration):
    dependencies = [("network", "0001_onboarding")]

    operations = [
        migrations.RunPython(record_current_status, migrations.RunPython.noop),
    ]
