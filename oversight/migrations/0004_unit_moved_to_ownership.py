"""Units moved to the ``ownership`` app (see ownership/0001)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('oversight', '0003_ita_gap_and_case_overdue_findings'),
        ('ownership', '0001_initial'),
    ]

    # State only: the foreign keys now name ownership.Unit, whose table is still core_unit.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='finding',
                    name='unit',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='ownership.unit', verbose_name='หน่วยงาน (Unit)'),
                ),
            ],
        ),
    ]
