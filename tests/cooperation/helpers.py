"""Helpers of the profile tests: a profile in one call, the form's data."""

from cooperation import profile_services
from cooperation.models import Profile

PROFILE = {
    "kind": "buyer",
    "organisation": "City of Tartu",
    "country": "EE",
    "sectors": ["mobility", "energy"],
    "about": "We bought **electric buses** in 2024.",
    "website": "https://tartu.example.org",
    "contact": "email",
    "visibility": "public",
}


def make_profile(user, **data) -> Profile:
    return profile_services.profile_create(user=user, data={**PROFILE, **data})


def form_data(**data) -> dict:
    return {**PROFILE, **data}
