"""Helpers of the task-force tests: an application in one call, mails, links."""

from django.core import mail

from communities import participation_services as services
from communities.models import TaskForceApplication

APPLICATION = {
    "organisation": "City of Tartu",
    "organisation_type": "city",
    "country": "EE",
    "contact_name": "Kaisa Tamm",
    "motivation": "We buy circular street furniture.",
    "sectors": ["circular", "mobility"],
    "consent_directory": True,
}


def apply(*projects, email="kaisa@tartu.example.org", confirmed=True, **data):
    application = services.application_create(
        data={**APPLICATION, **data}, email=email, projects=projects, language="en"
    )
    if confirmed:
        application = services.application_confirm(application=application)
    return application


def member(*projects, by=None, **data) -> TaskForceApplication:
    application = apply(*projects, **data)
    return services.application_accept(
        application=application, project=projects[0], by=by
    )


def reload(application) -> TaskForceApplication:
    return TaskForceApplication.objects.get(pk=application.pk)


def mails_to(address: str, subject_part: str = "") -> list:
    return [
        m
        for m in mail.outbox
        if address in m.to and subject_part.lower() in m.subject.lower()
    ]


def link_in(message, marker: str) -> str:
    """The path of the first link in a mail's text that contains `marker`."""
    url = next(word for word in message.body.split() if marker in word)
    assert url.startswith("http"), url
    return "/" + url.split("://", 1)[1].split("/", 1)[1]
