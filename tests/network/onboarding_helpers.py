"""Shared set-up of the onboarding tests: the network's milestones and a new centre."""

from datetime import timedelta

from django.utils import timezone

from network.models import MilestoneDefinition


def make_definitions():
    """Three milestones: due after 10 days (evidence expected), 30 and 60 days."""
    return [
        MilestoneDefinition.objects.create(
            title="Host organisation confirmed",
            due_offset_days=10,
            evidence_expected=True,
            order=10,
        ),
        MilestoneDefinition.objects.create(
            title="Staff trained", due_offset_days=30, order=20
        ),
        MilestoneDefinition.objects.create(
            title="Services described", due_offset_days=60, order=30
        ),
    ]


def days_ago(days: int):
    return timezone.localdate() - timedelta(days=days)
