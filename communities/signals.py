"""Signals of the communities app.

`post_visible` is sent (inside the transaction, by the services) when a post
becomes visible to the community's members: at once when it is written, or
when a moderator approves it. Notifications listen to it; nothing else needs
to know how a post was made (page, API or approval).
"""

from django.dispatch import Signal

# Sent with `post` (a communities.models.Post whose status is visible).
post_visible = Signal()
