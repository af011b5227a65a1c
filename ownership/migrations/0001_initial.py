"""Units and group roles move here from ``core`` and ``moderation`` without touching their
tables (state only; the content types are renamed so granted permissions stay), and every page
gets its stored owner unit (``PageUnit``), filled from the pages' own ``responsible_unit``."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = [("core", "unit"), ("moderation", "grouprole")]


def rename_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for app_label, model in MOVED:
        ContentType.objects.filter(app_label=app_label, model=model).update(app_label="ownership")


def record_page_owners(apps, schema_editor):
    PageUnit = apps.get_model("ownership", "PageUnit")
    for model in apps.get_models():
        fields = {field.name for field in model._meta.get_fields()}
        if "responsible_unit" in fields and "page_ptr" in fields:
            PageUnit.objects.bulk_create(
                [PageUnit(page_id=pk, unit_id=unit_id) for pk, unit_id in
                 model.objects.values_list("pk", "responsible_unit_id")],
                ignore_conflicts=True,
            )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('wagtailcore', '0098_apitoken'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0003_units'),
        ('moderation', '0005_position_records'),
        ('about', '0002_review_by'),
        ('cases', '0002_categories_and_groups'),
        ('departments', '0002_review_by'),
        ('home', '0005_review_by'),
        ('news', '0004_imported_notices'),
        ('policies', '0001_initial'),
        ('procurement', '0002_structured_notices_and_summaries'),
        ('schools', '0002_review_by'),
        ('transparency', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Unit',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, unique=True, verbose_name='ชื่อหน่วยงาน (Name)')),
                        ('name_en', models.CharField(blank=True, max_length=200, verbose_name='Name in English')),
                        ('slug', models.SlugField(unique=True, verbose_name='รหัส (Code)')),
                        ('sort_order', models.PositiveSmallIntegerField(default=0, verbose_name='ลำดับ (Order)')),
                    ],
                    options={
                        'verbose_name': 'หน่วยงาน (Unit)',
                        'verbose_name_plural': 'หน่วยงาน (Units)',
                        'db_table': 'core_unit',
                        'ordering': ['sort_order', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='GroupRole',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('creator', 'ผู้จัดทำเนื้อหา (Content creator)'), ('supervisor', 'ผู้บังคับบัญชา (Supervisor)'), ('operator', 'ผู้ปฏิบัติงานเผยแพร่ (Web operator)'), ('it_admin', 'ผู้ดูแลระบบ (IT administrator)')], max_length=20, verbose_name='บทบาท (Role)')),
                        ('group', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='role', to='auth.group', verbose_name='กลุ่ม (Group)')),
                        ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='group_roles', to='ownership.unit', verbose_name='หน่วยงาน (Unit)')),
                    ],
                    options={
                        'verbose_name': 'บทบาทของกลุ่ม (Group role)',
                        'verbose_name_plural': 'บทบาทของกลุ่ม (Group roles)',
                        'db_table': 'moderation_grouprole',
                        'constraints': [models.UniqueConstraint(condition=models.Q(('unit__isnull', False)), fields=('role', 'unit'), name='one_group_per_unit_role'), models.UniqueConstraint(condition=models.Q(('unit__isnull', True)), fields=('role',), name='one_site_wide_group'), models.CheckConstraint(condition=models.Q(models.Q(('role__in', ['creator', 'supervisor']), ('unit__isnull', False)), models.Q(('role__in', ['it_admin', 'operator']), ('unit__isnull', True)), _connector='OR'), name='unit_roles_have_a_unit')],
                    },
                ),
            ],
        ),
        migrations.RunPython(rename_content_types, migrations.RunPython.noop),
        migrations.CreateModel(
            name='PageUnit',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='ownership', serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('unit', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='pages', to='ownership.unit')),
            ],
            options={
                'verbose_name': 'หน่วยงานเจ้าของหน้า (Page owner unit)',
                'verbose_name_plural': 'หน่วยงานเจ้าของหน้า (Page owner units)',
            },
        ),
        migrations.RunPython(record_page_owners, migrations.RunPython.noop),
    ]
