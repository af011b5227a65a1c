"""Units moved to the ``ownership`` app (see ownership/0001)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('about', '0003_unit_moved_to_ownership'),
        ('cases', '0003_unit_moved_to_ownership'),
        ('core', '0003_units'),
        ('departments', '0003_unit_moved_to_ownership'),
        ('home', '0006_unit_moved_to_ownership'),
        ('moderation', '0006_unit_and_group_role_moved_to_ownership'),
        ('news', '0005_unit_moved_to_ownership'),
        ('oversight', '0004_unit_moved_to_ownership'),
        ('policies', '0002_unit_moved_to_ownership'),
        ('procurement', '0003_unit_moved_to_ownership'),
        ('schools', '0003_unit_moved_to_ownership'),
        ('transparency', '0002_unit_moved_to_ownership'),
    ]

    # State only: the model lives in ownership now, on the same table.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='Unit',
                ),
            ],
        ),
    ]
