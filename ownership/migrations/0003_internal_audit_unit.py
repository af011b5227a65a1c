"""The Internal Audit unit (หน่วยตรวจสอบภายใน), which the notice names among the units (B2)
and the first data migration left out. Its groups are made by moderation/0010."""

from django.db import migrations


def create_unit(apps, schema_editor):
    Unit = apps.get_model("ownership", "Unit")
    Unit.objects.get_or_create(
        slug="audit",
        defaults={
            "name": "หน่วยตรวจสอบภายใน",
            "name_en": "Internal Audit Unit",
            "sort_order": 10,
        },
    )


class Migration(migrations.Migration):
    dependencies = [("ownership", "0002_alter_unit_name_en")]

    operations = [migrations.RunPython(create_unit, migrations.RunPython.noop)]
