"""Units moved to the ``ownership`` app (see ownership/0001)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0005_review_by'),
        ('ownership', '0001_initial'),
    ]

    # State only: the foreign keys now name ownership.Unit, whose table is still core_unit.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='channelspage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
                migrations.AlterField(
                    model_name='homepage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
                migrations.AlterField(
                    model_name='informationpage',
                    name='responsible_unit',
                    field=models.ForeignKey(blank=True, help_text='หน่วยงานเจ้าของเนื้อหา ผู้จัดทำและผู้อนุมัติมาจากหน่วยงานนี้ (The unit that owns this content; its staff prepare and approve it)', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ownership.unit', verbose_name='หน่วยงานที่รับผิดชอบ (Responsible unit)'),
                ),
            ],
        ),
    ]
