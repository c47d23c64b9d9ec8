"""Lithuanian."""
