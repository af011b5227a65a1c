"""The nine units of the municipality (A1). More are added later as data in the admin."""

from django.db import migrations

UNITS = [
    ("clerk", "สำนักปลัดเทศบาล", "Office of the Municipal Clerk"),
    ("finance", "สำนักงานคลัง", "Finance Office"),
    ("engineering", "สำนักงานช่าง", "Engineering Office"),
    ("health", "สำนักงานการสาธารณสุขและสิ่งแวดล้อม", "Public Health and Environment Office"),
    ("education", "สำนักงานการศึกษา", "Education Office"),
    ("waterworks", "สำนักงานการประปา", "Waterworks Office"),
    ("welfare", "กองสวัสดิการสังคม", "Social Welfare Division"),
    ("planning", "กองวิชาการและแผนงาน", "Academic Affairs and Planning Division"),
    ("assets", "กองสารสนเทศภาคีและทรัพย์สิน", "Information, Partnerships and Assets Division"),
]


def create_units(apps, schema_editor):
    Unit = apps.get_model("core.Unit")
    for order, (slug, name, name_en) in enumerate(UNITS, start=1):
        Unit.objects.update_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0002_unit")]

    operations = [migrations.RunPython(create_units, migrations.RunPython.noop)]
