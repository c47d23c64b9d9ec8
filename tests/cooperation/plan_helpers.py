"""Helpers of the plans tests: a plan in one call."""

from datetime import date

from cooperation import plan_services

PLAN = {
    "organisation": "Stadt Köln (test)",
    "title": "Smart street lighting",
    "description": "LED street lights that dim when streets are empty.",
    "cpv_codes": "45316110-9",
    "sector": "energy",
    "country": "DE",
    "start_month": date(2027, 3, 1),
    "end_month": date(2027, 12, 1),
    "budget_range": "1m-5m",
    "joint_procurement": True,
    "visibility": "public",
}


def make_plan(owner, **data):
    return plan_services.plan_create(owner=owner, data={**PLAN, **data})
