"""Units moved to the ``ownership`` app (see ownership/0001)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0002_categories_and_groups'),
        ('ownership', '0001_initial'),
    ]

    # State only: the foreign keys now name ownership.Unit, whose table is still core_unit.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='caseevent',
                    name='unit',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='ownership.unit'),
                ),
                migrations.AlterField(
                    model_name='casestatisticspage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
                migrations.AlterField(
                    model_name='complaint',
                    name='unit',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='complaints', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Unit)'),
                ),
                migrations.AlterField(
                    model_name='complaintcategory',
                    name='default_unit',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่มักรับผิดชอบ (Usual unit)'),
                ),
                migrations.AlterField(
                    model_name='complaintpage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
                migrations.AlterField(
                    model_name='question',
                    name='unit',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่เกี่ยวข้อง (Unit)'),
                ),
                migrations.AlterField(
                    model_name='questionindexpage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
                migrations.AlterField(
                    model_name='questionpage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
            ],
        ),
    ]
