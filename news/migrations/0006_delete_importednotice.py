"""The record of imported notices moved to the ``imports`` app (see imports/0001)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0005_unit_moved_to_ownership'),
        ('imports', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='ImportedNotice',
                ),
            ],
        ),
    ]
