"""Tests of the cooperation app."""
