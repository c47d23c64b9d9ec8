"""Knowledge: features arrive with their own issue."""
