"""Permission matrix of profiles: the pages under /en/profiles/ and the public
profiles API /api/v1/profiles/.

The world: the procurer's public profile, a signed-in-only profile of another
person, and editor A's hidden profile. A hidden profile is 404 to everyone but
its owner (the coordinator included); a signed-in-only one is 404 to anonymous
visitors and absent from the API, which serves public profiles only. /profiles/me/
is one's own profile: those who have none get 404 on its delete page.
"""

from .test_permission_matrix import Check, everyone, signed_in

PAGES = "/en/profiles/"
API = "/api/v1/profiles/"
OWNERS = {**signed_in(404), "procurer": 200, "editor_a": 200}
OWNERS_POST = {**signed_in(404), "procurer": 302, "editor_a": 302}
VALID = {
    "kind": "supplier",
    "organisation": "Matrix Ltd",
    "country": "FI",
    "sectors": ["ict", "energy"],
    "about": "Sensors.",
    "contact": "website",
    "visibility": "hidden",
}


def world(values, people):
    from cooperation import profile_services
    from tests.factories import UserFactory

    base = {k: v for k, v in VALID.items() if k != "visibility"}
    values["prof_public"] = profile_services.profile_create(
        user=people["procurer"],
        data={**base, "organisation": "Procurer's city", "visibility": "public"},
    ).pk
    values["prof_signed"] = profile_services.profile_create(
        user=UserFactory(email="profile-signed@example.org"),
        data={**base, "visibility": "signed_in"},
    ).pk
    values["prof_hidden"] = profile_services.profile_create(
        user=people["editor"], data={**base, "visibility": "hidden"}
    ).pk


ENTRIES = {
    "profiles:directory": [
        Check(PAGES, everyone(200)),
        Check(PAGES + "?kind=supplier&country=FI&sector=ict&q=matrix", everyone(200)),
        # Unknown values are ignored (and said so), as in the centres' directory.
        Check(PAGES + "?kind=bogus&country=ZZZ&sector=%00&page=x", everyone(200)),
    ],
    "profiles:detail": [
        Check(PAGES + "{prof_public}/", everyone(200)),
        Check(PAGES + "{prof_signed}/", {**everyone(200), "anonymous": 404}),
        Check(PAGES + "{prof_hidden}/", {**everyone(404), "editor_a": 200}),
        Check(PAGES + "999999/", everyone(404)),
    ],
    "profiles:me": [
        Check(PAGES + "me/", signed_in(200)),
        Check(PAGES + "me/", signed_in(400), "post", {"organisation": ""}),
        Check(PAGES + "me/", signed_in(302), "post", VALID),
    ],
    "profiles:me-delete": [
        Check(PAGES + "me/delete/", OWNERS),
        Check(PAGES + "me/delete/", OWNERS_POST, "post"),
    ],
    "api:profile-list api/v1/^profiles/$": [
        Check(API, everyone(200)),
        Check(API + "?kind=supplier&country=FI&sector=ict&q=x", everyone(200)),
        Check(API + "?kind=bogus", everyone(400)),
        Check(API + "?page=99", everyone(404)),
        Check(API, everyone(405), "post", {"organisation": "x"}),
    ],
    "api:profile-list api/v1/^profiles\\.(?P<format>[a-z0-9]+)/?$": [
        Check("/api/v1/profiles.json", everyone(200)),
    ],
    "api:profile-detail api/v1/^profiles/(?P<pk>[0-9]{1,18})/$": [
        Check(API + "{prof_public}/", everyone(200)),
        Check(API + "{prof_signed}/", everyone(404)),
        Check(API + "{prof_hidden}/", everyone(404)),
        Check(API + "{prof_public}/", everyone(405), "delete"),
    ],
    "api:profile-detail api/v1/^profiles/(?P<pk>[0-9]{1,18})\\.(?P<format>[a-z0-9]+)/?$": [
        Check(API + "{prof_public}.json", everyone(200)),
        Check(API + "{prof_hidden}.json", everyone(404)),
    ],
}
