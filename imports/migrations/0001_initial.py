"""The import's record of old-site notices moves here from ``news`` without touching its
table (state only; the content type is renamed so granted permissions stay)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def rename_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="news", model="importednotice").update(app_label="imports")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('news', '0005_unit_moved_to_ownership'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ImportedNotice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('source_id', models.CharField(max_length=100, unique=True, verbose_name='รหัสในเว็บไซต์เดิม (Old-site id)')),
                        ('row_digest', models.CharField(max_length=64)),
                        ('imported_at', models.DateTimeField(auto_now_add=True, verbose_name='นำเข้าครั้งแรก (First imported)')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='นำเข้าล่าสุด (Last imported)')),
                        ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='หน้า (Page)')),
                    ],
                    options={
                        'verbose_name': 'ประกาศที่นำเข้าจากเว็บไซต์เดิม (Imported notice)',
                        'verbose_name_plural': 'ประกาศที่นำเข้าจากเว็บไซต์เดิม (Imported notices)',
                        'db_table': 'news_importednotice',
                    },
                ),
            ],
        ),
        migrations.RunPython(rename_content_type, migrations.RunPython.noop),
    ]
