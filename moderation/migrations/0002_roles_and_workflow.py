"""The groups of every role and unit, their permissions, and the approval workflow on all
content (moderation.setup, run with this migration's historical models)."""

from django.db import migrations


def create_roles_and_workflow(apps, schema_editor):
    from moderation.setup import ensure_all

    ensure_all(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("moderation", "0001_initial"),
        ("core", "0003_units"),
        ("home", "0002_create_homepage"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("axes", "0010_accessattemptexpiration"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, migrations.RunPython.noop)]
