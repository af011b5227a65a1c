from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "ข่าว ประกาศ และเอกสารเผยแพร่ (News and notices)"
