"""Units moved to the ``ownership`` app (see ownership/0001)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ownership', '0001_initial'),
        ('procurement', '0002_structured_notices_and_summaries'),
    ]

    # State only: the foreign keys now name ownership.Unit, whose table is still core_unit.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='procurementindexpage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
                migrations.AlterField(
                    model_name='procurementsummaryindexpage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
                migrations.AlterField(
                    model_name='procurementsummarypage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
            ],
        ),
    ]
