"""Units moved to the ``ownership`` app (see ownership/0001)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('departments', '0002_review_by'),
        ('ownership', '0001_initial'),
    ]

    # State only: the foreign keys now name ownership.Unit, whose table is still core_unit.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='departmentindexpage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
                migrations.AlterField(
                    model_name='departmentpage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
                migrations.AlterField(
                    model_name='departmentpage',
                    name='unit',
                    field=models.ForeignKey(help_text='หน่วยงานละหนึ่งหน้าในแต่ละภาษา และเป็นหน่วยงานที่รับผิดชอบหน้านี้ (One page per unit in each language; the unit also owns this page)', on_delete=django.db.models.deletion.PROTECT, related_name='department_pages', to='ownership.unit', verbose_name='หน่วยงาน (Unit)'),
                ),
                migrations.AlterField(
                    model_name='persondirectorypage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
                migrations.AlterField(
                    model_name='phonedirectorypage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
                migrations.AlterField(
                    model_name='phoneentry',
                    name='unit',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='phone_entries', to='ownership.unit', verbose_name='หน่วยงาน (Unit)'),
                ),
            ],
        ),
    ]
