from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo site (``manage.py load_demo_content``, development only): above every other
    app, it runs each app's ``demo.load(home)`` in the order the tree is built."""

    name = "demo"
    verbose_name = "ข้อมูลตัวอย่าง (Demo site)"
