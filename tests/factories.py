"""factory_boy factories for the suite."""

import factory
from allauth.account.models import EmailAddress
from django_scopes import scopes_disabled

from accounts.models import User
from centres.models import Centre, Membership, Role

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    organisation = factory.Faker("company")
    country = "DE"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()
            EmailAddress.objects.get_or_create(
                user=self,
                email=self.email,
                defaults={"verified": True, "primary": True},
            )

    class Params:
        coordinator = factory.Trait(is_coordinator=True)


class CentreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Centre
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Competence Centre {n}")
    short_name = factory.Sequence(lambda n: f"CC{n}")
    slug = factory.Sequence(lambda n: f"centre-{n}")
    country = "DE"
    kind = Centre.Kind.NATIONAL
    status = Centre.Status.EXISTING
    description = "Helps public buyers procure innovation."
    services = ["training", "counselling"]
    contact_email = factory.LazyAttribute(lambda o: f"{o.slug}@example.org")


def membership_create(*, centre, user, role=Role.EDITOR) -> Membership:
    with scopes_disabled():
        return Membership.objects.create(centre=centre, user=user, role=role)


def resource_create(*, centre, by, published=False, **data):
    """A resource made the way the product makes it: through the services."""
    from knowledge import services
    from knowledge.models import Resource

    defaults = {
        "kind": Resource.Kind.TOOL,
        "title": "Guide to market consultation",
        "summary": "How to talk to suppliers before a tender.",
        "body": "Talk to the market **early**.",
        "language": "en",
        "sectors": ["ict"],
    }
    defaults.update(data)
    resource = services.resource_create(centre=centre, by=by, data=defaults)
    if published:
        resource = services.resource_publish(resource=resource, by=by)
    return resource
