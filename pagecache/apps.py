from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "แคชหน้าเว็บ (Page cache)"

    def ready(self):
        from pagecache import purge

        purge.connect_signals()
