"""Newsletters: features arrive with their own issue."""
