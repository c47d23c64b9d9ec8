"""Permission matrix of the public newsletter pages (/newsletter/…).

Everything here is public: what decides is the token in the URL (a signed
preference token, a hashed confirmation token), never who is signed in. Forged
tokens get a clear 400 page; the webhook is off (404) without a secret and
takes POST only.
"""

from datetime import timedelta

from tests.security.test_permission_matrix import Check, everyone, signed_in

SUBSCRIBE = {
    "email": "matrix@example.org",
    "wants_newsletter": "on",
    "digest_frequency": "none",
    "language": "en",
    "consent": "on",
}


def world(values, people):
    """Objects every newsletter matrix uses (one hook for the three modules)."""
    from django.utils import timezone

    from newsletters import rendering, services
    from newsletters.models import ConfirmationToken, Issue, Section
    from tests.newsletters.factories import issue_ready, subscriber_create

    coordinator = people["coordinator"]
    subscriber = subscriber_create("matrix-reader@example.org", name="Matrix")
    pending = subscriber_create("matrix-pending@example.org", confirmed=False)
    token, hashed = ConfirmationToken.new_token()
    ConfirmationToken.objects.create(
        subscriber=pending,
        token_hash=hashed,
        expires_at=timezone.now() + timedelta(hours=72),
    )
    draft = issue_ready(by=coordinator, subject="Matrix draft issue")
    sent = issue_ready(by=coordinator, subject="Matrix sent issue")
    Issue.objects.filter(pk=sent.pk).update(
        status=Issue.Status.SENT, sent_at=timezone.now(), contributions_open=False
    )
    editorial = Section.objects.filter(issue=draft).values_list("pk", flat=True)
    contribution_a = services.section_create(
        issue=draft,
        centre=people["centre"],
        by=people["editor"],
        data={"title": "Alpha's news", "body": "From alpha."},
    )
    submitted_a = services.section_submit(
        section=services.section_create(
            issue=draft,
            centre=people["centre"],
            by=people["editor"],
            data={"title": "Alpha's submitted news", "body": "Please accept."},
        ),
        by=people["editor"],
    )
    contribution_b = services.section_create(
        issue=draft,
        centre=people["other_centre"],
        by=people["editor_b"],
        data={"title": "Beta's news", "body": "From beta."},
    )
    values.update(
        nl_token=rendering.subscriber_token(subscriber),
        nl_confirm=token,
        nl_subscriber=subscriber.pk,
        nl_issue=draft.pk,
        nl_issue_sent=sent.pk,
        nl_issue_sent_slug=sent.slug,
        nl_issue_draft_slug=draft.slug,
        nl_section=editorial[0],
        nl_section_a=contribution_a.pk,
        nl_section_a_submitted=submitted_a.pk,
        nl_section_b=contribution_b.pk,
    )


ENTRIES = {
    "newsletters:subscribe": [
        Check("/en/newsletter/", everyone(200)),
        Check("/en/newsletter/", everyone(302), "post", SUBSCRIBE),
        Check("/en/newsletter/", everyone(200), "post", {"email": "not-an-address"}),
        # One click for signed-in people; the anonymous get the form back.
        Check(
            "/en/newsletter/",
            {**signed_in(302), "anonymous": 200},
            "post",
            {"action": "one-click"},
        ),
    ],
    "newsletters:subscribe-done": [Check("/en/newsletter/thanks/", everyone(200))],
    "newsletters:confirm": [
        Check("/en/newsletter/confirm/{nl_confirm}/", everyone(200)),
        Check("/en/newsletter/confirm/{nl_confirm}/", everyone(200), "post"),
        Check("/en/newsletter/confirm/forged-token/", everyone(400)),
        Check("/en/newsletter/confirm/forged-token/", everyone(400), "post"),
    ],
    "newsletters:preferences-account": [
        Check("/en/newsletter/preferences/", everyone(302))
    ],
    "newsletters:preferences": [
        Check("/en/newsletter/preferences/{nl_token}/", everyone(200)),
        Check(
            "/en/newsletter/preferences/{nl_token}/",
            everyone(302),
            "post",
            {"wants_newsletter": "on", "digest_frequency": "weekly", "language": "en"},
        ),
        Check("/en/newsletter/preferences/forged:token/", everyone(400)),
        Check("/en/newsletter/preferences/{nl_token}x/", everyone(400), "post"),
    ],
    "newsletters:unsubscribe": [
        Check("/en/newsletter/unsubscribe/{nl_token}/newsletter/", everyone(200)),
        Check(
            "/en/newsletter/unsubscribe/{nl_token}/newsletter/",
            everyone(200),
            "post",
            {"List-Unsubscribe": "One-Click"},
        ),
        Check("/en/newsletter/unsubscribe/{nl_token}/all/", everyone(200), "post"),
        Check("/en/newsletter/unsubscribe/{nl_token}/bogus/", everyone(404)),
        Check("/en/newsletter/unsubscribe/forged/digest/", everyone(400), "post"),
    ],
    "newsletters:archive": [
        Check("/en/newsletter/archive/", everyone(200)),
        Check("/en/newsletter/archive/?page=99", everyone(404)),
    ],
    "newsletters:archive-feed": [Check("/en/newsletter/archive/feed/", everyone(200))],
    "newsletters:issue-detail": [
        Check("/en/newsletter/archive/{nl_issue_sent_slug}/", everyone(200)),
        # Drafts have no public page, whoever asks.
        Check("/en/newsletter/archive/{nl_issue_draft_slug}/", everyone(404)),
    ],
    # Without a language: the mail provider's webhook and the archive feed.
    "newsletters-neutral:webhook-bounces": [
        Check("/newsletter/webhooks/bounces/", everyone(404), "post"),
        Check("/newsletter/webhooks/bounces/", everyone(405)),
    ],
    "newsletters-neutral:archive-feed": [
        Check("/newsletter/archive/feed/", everyone(200))
    ],
}
