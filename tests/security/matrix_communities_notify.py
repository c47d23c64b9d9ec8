"""Permission matrix of the community e-mail settings (/<lang>/community-emails/).

The world: an open and a closed community of centre A; the procurer is a
member of both, editor A of the closed one. The settings are one's own: a
community one is not an active member of (or may not read) answers 404. The
way out of a mail works without signing in, by its signed token only.
"""

from .test_permission_matrix import Check, everyone, signed_in

BASE = "/en/community-emails/"
OPEN, CLOSED = "mx-nt-open", "mx-nt-closed"


def world(values, people):
    from communities.models import Community, CommunityMember
    from communities.notifications import out_token

    centre, procurer, editor = people["centre"], people["procurer"], people["editor"]
    open_ = Community.objects.create(
        centre=centre, slug=OPEN, name="Matrix notify open", purpose="Open."
    )
    closed = Community.objects.create(
        centre=centre,
        slug=CLOSED,
        name="Matrix notify closed",
        purpose="Closed.",
        visibility=Community.Visibility.CLOSED,
    )
    CommunityMember.objects.create(community=open_, user=procurer)
    CommunityMember.objects.create(community=closed, user=procurer)
    CommunityMember.objects.create(community=closed, user=editor)
    values["cn_out"] = out_token(user=procurer, community=open_)
    values["cn_out_daily"] = out_token(user=editor, frequency="daily")


ENTRIES = {
    "communities_notify:preferences": [
        Check(BASE, signed_in(200)),
        # Nothing chosen: refused for those with communities (editor B is a
        # member in the community pages' matrix world), nothing to save (a
        # redirect) for those without.
        Check(
            BASE,
            {**signed_in(302), "procurer": 400, "editor_a": 400, "editor_b": 400},
            "post",
        ),
    ],
    "communities_notify:community": [
        Check(
            BASE + OPEN + "/",
            {**signed_in(404), "procurer": 302},
            "post",
            {"notify": "daily"},
        ),
        Check(
            BASE + CLOSED + "/",
            {**signed_in(404), "procurer": 302, "editor_a": 302},
            "post",
            {"notify": "weekly"},
        ),
        Check(BASE + "no-such-community/", signed_in(404), "post", {"notify": "none"}),
        Check(BASE + OPEN + "/", signed_in(405)),
    ],
    "communities_notify:out": [
        Check(BASE + "out/{cn_out}/", everyone(200)),
        Check(BASE + "out/{cn_out}/", everyone(200), "post"),
        Check(BASE + "out/{cn_out_daily}/", everyone(200), "post"),
        Check(BASE + "out/forged-token/", everyone(400)),
        Check(BASE + "out/forged-token/", everyone(400), "post"),
    ],
}
