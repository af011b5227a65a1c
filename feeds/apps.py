from django.apps import AppConfig


class FeedsConfig(AppConfig):
    name = "feeds"
    verbose_name = "ฟีดข่าวและประกาศ (RSS and Atom feeds)"
