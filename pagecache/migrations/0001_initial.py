from django.db import migrations, models


def create_row(apps, schema_editor):
    apps.get_model("pagecache", "ContentVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    initial = True

    dependencies = []
    # Before any page exists: every content change from then on raises the version.
    run_before = [("wagtailcore", "0001_initial")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("number", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "รุ่นของเนื้อหา (Content version)"},
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
