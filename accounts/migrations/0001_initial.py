"""Staff profiles and position records move here from ``moderation`` without touching their
tables (state only; the content types are renamed so granted permissions stay)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MOVED = ["staffprofile", "positionrecord"]


def rename_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="moderation", model__in=MOVED).update(
        app_label="accounts"
    )


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="accounts", model__in=MOVED).update(
        app_label="moderation"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('moderation', '0006_unit_and_group_role_moved_to_ownership'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='StaffProfile',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.CharField(blank=True, help_text='ตำแหน่งตามที่ลงนามในแบบฟอร์มการขอเผยแพร่ข้อมูล เช่น นักวิชาการเงินและบัญชีชำนาญการ (The position signed on publication request forms)', max_length=200, verbose_name='ตำแหน่ง (Position)')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='staff_profile', to=settings.AUTH_USER_MODEL, verbose_name='ผู้ใช้ (User)')),
                    ],
                    options={
                        'verbose_name': 'ข้อมูลเจ้าหน้าที่ (Staff profile)',
                        'verbose_name_plural': 'ข้อมูลเจ้าหน้าที่ (Staff profiles)',
                        'db_table': 'moderation_staffprofile',
                    },
                ),
                migrations.CreateModel(
                    name='PositionRecord',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.CharField(blank=True, max_length=200, verbose_name='ตำแหน่ง (Position)')),
                        ('since', models.DateTimeField(default=django.utils.timezone.now, verbose_name='ตั้งแต่ (Since)')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='position_records', to=settings.AUTH_USER_MODEL, verbose_name='ผู้ใช้ (User)')),
                    ],
                    options={
                        'verbose_name': 'ตำแหน่งที่ดำรง (Position held)',
                        'verbose_name_plural': 'ตำแหน่งที่ดำรง (Positions held)',
                        'db_table': 'moderation_positionrecord',
                        'ordering': ['since', 'pk'],
                    },
                ),
            ],
        ),
        migrations.RunPython(rename_content_types, restore_content_types),
    ]
