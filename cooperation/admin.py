"""The cooperation app's admin, one module per part of the app."""

from . import plan_admin  # noqa: F401
