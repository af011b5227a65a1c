"""Units moved to the ``ownership`` app (see ownership/0001)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0005_position_records'),
        ('ownership', '0001_initial'),
    ]

    # State only: the unit foreign key names ownership.Unit (table still core_unit); GroupRole
    # lives in ownership now, on the same table.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='unittaskstate',
                    name='unit',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='ownership.unit', verbose_name='หน่วยงาน (Unit)'),
                ),
                migrations.DeleteModel(
                    name='GroupRole',
                ),
            ],
        ),
    ]
