"""Members of staff in the role groups a migration creates."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

PASSWORD = "a-long-test-password-2569"


def role_group(role, unit_or_slug=None):
    """The group of ``role`` (of a unit, for the unit roles), created by a migration."""
    lookup = {"role__role": role}
    if isinstance(unit_or_slug, str):
        lookup["role__unit__slug"] = unit_or_slug
    elif unit_or_slug is not None:
        lookup["role__unit"] = unit_or_slug
    return Group.objects.get(**lookup)


class UserFactory(DjangoModelFactory):
    """A member of staff; ``role=Role.CREATOR, unit="finance"`` puts them in that group."""

    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"staff-{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")

    @classmethod
    def _create(cls, model_class, *args, role=None, unit=None, password=PASSWORD, **kwargs):
        user = model_class.objects.create_user(*args, password=password, **kwargs)
        if role is not None:
            user.groups.add(role_group(role, unit))
        return user
