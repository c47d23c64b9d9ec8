"""Digests: assembled per subscriber from what is new for them since their last
digest; an empty digest is not sent; a period at most once per subscriber."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from knowledge.models import Resource
from newsletters import services
from newsletters.models import Delivery, Digest
from newsletters.tasks import digests_assemble
from tests.factories import resource_create
from tests.newsletters.factories import subscriber_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources(centre, other_centre, editor, editor_b):
    made = {
        "ict_en": resource_create(
            centre=centre, by=editor, published=True, title="ICT guide", sectors=["ict"]
        ),
        "health_de": resource_create(
            centre=centre,
            by=editor,
            published=True,
            title="Gesundheit Leitfaden",
            sectors=["health"],
            language="de",
        ),
        "beta_ict": resource_create(
            centre=other_centre,
            by=editor_b,
            published=True,
            title="Beta ICT case",
            sectors=["ict"],
        ),
    }
    resource_create(centre=centre, by=editor, title="Draft only", sectors=["ict"])
    return made


def test_digest_follows_topics_centres_and_language(resources, centre):
    ict = subscriber_create(
        "ict@example.org", digest_frequency="weekly", sectors=["ict"]
    )
    alpha = subscriber_create("alpha@example.org", digest_frequency="weekly")
    alpha.centres.set([centre])
    german = subscriber_create(
        "de@example.org", digest_frequency="weekly", language="de", sectors=["health"]
    )
    nothing = subscriber_create(
        "none@example.org", digest_frequency="weekly", sectors=["food"]
    )
    digests_assemble.apply(args=["weekly"])
    contents = {
        d.subscriber.email: sorted(
            Resource.objects.get(pk=pk).title for pk in d.content["resources"]
        )
        for d in Delivery.objects.select_related("subscriber")
    }
    assert contents == {
        "ict@example.org": ["Beta ICT case", "ICT guide"],
        # Alpha's own resources in their language (and English): not beta's.
        "alpha@example.org": ["ICT guide"],
        "de@example.org": ["Gesundheit Leitfaden"],
    }
    assert nothing.email not in contents  # empty digest: not sent
    sent_to = sorted(m.to[0] for m in mail.outbox)
    assert sent_to == ["alpha@example.org", "de@example.org", "ict@example.org"]
    message = next(m for m in mail.outbox if m.to == ["ict@example.org"])
    assert "weekly" in message.subject and "ICT guide" in message.body
    assert "/newsletter/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert "/digest/" in message.extra_headers["List-Unsubscribe"]
    ict.refresh_from_db()
    assert ict.last_digest_at is not None
    assert german.language == "de"


def test_a_period_is_sent_at_most_once_even_if_beat_fires_twice(resources):
    subscriber_create("ict@example.org", digest_frequency="weekly", sectors=["ict"])
    digests_assemble.apply(args=["weekly"])
    digests_assemble.apply(args=["weekly"])
    assert Digest.objects.count() == 1 and Delivery.objects.count() == 1
    assert len(mail.outbox) == 1


def test_next_digest_only_has_what_is_new_since_the_last(resources, centre, editor):
    sub = subscriber_create("ict@example.org", digest_frequency="monthly")
    digest = services.digest_get_or_create(frequency="monthly")
    assert services.digest_assemble_for(digest=digest, subscriber_id=sub.pk)
    # Next month: only the resource published since.
    later = timezone.now() + timedelta(days=31)
    fresh = resource_create(centre=centre, by=editor, title="Fresh", published=True)
    Resource.objects.filter(pk=fresh.pk).update(published_at=later - timedelta(days=1))
    next_digest = services.digest_get_or_create(frequency="monthly", now=later)
    assert next_digest != digest
    assert services.digest_assemble_for(
        digest=next_digest, subscriber_id=sub.pk, now=later
    )
    content = Delivery.objects.get(digest=next_digest).content
    assert content["resources"] == [fresh.pk]


def test_unsubscribed_or_other_frequency_get_no_digest(resources):
    subscriber_create("monthly@example.org", digest_frequency="monthly")
    subscriber_create(
        "left@example.org", digest_frequency="weekly", status="unsubscribed"
    )
    digests_assemble.apply(args=["weekly"])
    assert Delivery.objects.count() == 0 and mail.outbox == []


def test_digest_lists_events_announced_since_the_last_one(centre, manager):
    from tests.newsletters.factories import event_published

    event = event_published(centre=centre, by=manager, sectors=["ict"])
    subscriber_create("events@example.org", digest_frequency="weekly", sectors=["ict"])
    subscriber_create("food@example.org", digest_frequency="weekly", sectors=["food"])
    digests_assemble.apply(args=["weekly"])
    [delivery] = Delivery.objects.all()
    assert delivery.content == {"resources": [], "events": [event.pk]}
    [message] = mail.outbox
    assert message.to == ["events@example.org"]
    assert "Joint webinar on PCP" in message.body
    assert "Joint webinar on PCP" in message.alternatives[0][0]


def test_a_digest_leaves_over_smtp_with_its_list_headers(
    resources, smtp_sink, settings
):
    settings.SITE_DOMAIN = "portal.p2i.example.eu"
    reader = subscriber_create(
        "ict@example.org", digest_frequency="weekly", sectors=["ict"]
    )
    digests_assemble.apply(args=["weekly"])
    [message] = smtp_sink.messages
    digest = Digest.objects.get()
    assert message["To"] == "ict@example.org"
    assert message["Message-ID"] == (
        f"<p2i.digest.{digest.pk}.{reader.pk}@portal.p2i.example.eu>"
    )
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"] == "P2I digest <digest.p2i.example.eu>"
    assert message.get_content_type() == "multipart/alternative"
    html = message.get_body(("html",)).get_content()
    assert "ICT guide" in html and 'style="' in html
    assert "ICT guide" in message.get_body(("plain",)).get_content()
