"""Estonian."""
