"""The synonyms citizens need from the start; web operators add others in the admin."""

from django.db import migrations

FIRST = [
    ("e-bidding, ประกวดราคาอิเล็กทรอนิกส์", "วิธีจัดซื้อจัดจ้าง"),
    ("e-market, ตลาดอิเล็กทรอนิกส์", "วิธีจัดซื้อจัดจ้าง"),
    ("สขร, สรุปผลการจัดซื้อจัดจ้าง", "แบบ สขร.๑"),
]


def add(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms, note in FIRST:
        Synonym.objects.get_or_create(terms=terms, defaults={"note": note})


class Migration(migrations.Migration):
    dependencies = [("search", "0001_synonyms")]

    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
