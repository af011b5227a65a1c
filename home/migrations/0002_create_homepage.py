"""Replace Wagtail's placeholder page with the Thai home page and add the English locale."""

import uuid

from django.db import migrations


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    thai, _ = Locale.objects.get_or_create(language_code="th")
    Locale.objects.get_or_create(language_code="en")

    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    home = HomePage.objects.create(
        title="เทศบาลนครนครสวรรค์",
        draft_title="เทศบาลนครนครสวรรค์",
        slug="home",
        content_type=content_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=thai,
        translation_key=uuid.uuid4(),
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "เทศบาลนครนครสวรรค์"},
    )


def remove_homepage(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(depth=2).delete()
    apps.get_model("wagtailcore.Locale").objects.filter(language_code="en").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
