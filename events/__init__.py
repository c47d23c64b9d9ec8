"""Events: features arrive with their own issue."""
