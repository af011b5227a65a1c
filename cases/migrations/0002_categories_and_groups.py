"""The complaint categories with their time limits (editable afterwards) and the groups that
handle cases (``cases.setup``)."""

from django.db import migrations

# slug, Thai, English, kind, days, usual unit
CATEGORIES = [
    ("roads", "ถนน ทางเท้า และสะพาน", "Roads, footpaths and bridges", "general", 15, "engineering"),
    ("lights", "ไฟฟ้าสาธารณะ", "Street lights", "general", 7, "engineering"),
    ("drains", "ท่อระบายน้ำและน้ำท่วมขัง", "Drains and flooding", "general", 15, "engineering"),
    ("rubbish", "ขยะและความสะอาด", "Rubbish and cleanliness", "general", 7, "health"),
    ("nuisance", "เหตุเดือดร้อนรำคาญ", "Nuisance (noise, smell, smoke)", "general", 15, "health"),
    ("water", "น้ำประปา", "Tap water", "general", 7, "waterworks"),
    ("other", "เรื่องอื่น ๆ", "Other matters", "general", 15, "clerk"),
    (
        "corruption",
        "ทุจริตและประพฤติมิชอบของเจ้าหน้าที่",
        "Corruption and misconduct of officials",
        "corruption",
        30,
        None,
    ),
]


def create(apps, schema_editor):
    from cases.setup import ensure_groups

    Category = apps.get_model("cases", "ComplaintCategory")
    Unit = apps.get_model("core", "Unit")
    for order, (slug, name, name_en, kind, days, unit_slug) in enumerate(CATEGORIES, start=1):
        Category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "name_en": name_en,
                "kind": kind,
                "time_limit_days": days,
                "default_unit": Unit.objects.filter(slug=unit_slug).first() if unit_slug else None,
                "sort_order": order,
            },
        )
    ensure_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("core", "0003_units"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
