"""A FAQ entry published: its askers are told by e-mail."""

from wagtail.signals import page_published


def answer_published(sender, instance, **kwargs):
    from cases.handling import tell_askers

    tell_askers(instance)


def connect():
    from cases.models import QuestionPage

    page_published.connect(answer_published, sender=QuestionPage, dispatch_uid="cases-answered")
