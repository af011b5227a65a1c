"""Staff profiles and position records moved to the ``accounts`` app (see accounts/0001)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('moderation', '0006_unit_and_group_role_moved_to_ownership'),
        ('accounts', '0001_initial'),
    ]

    # State only: the tables stay (accounts names them in Meta.db_table).
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='StaffProfile'),
                migrations.DeleteModel(name='PositionRecord'),
            ],
        ),
    ]
