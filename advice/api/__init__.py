"""API of the advice desks (/api/v1/advice/), for centre staff."""
