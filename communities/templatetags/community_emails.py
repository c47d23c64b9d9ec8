"""The community e-mail section of the profile page (the preference centre)."""

from django import template

register = template.Library()


@register.inclusion_tag("communities/_profile_section.html", takes_context=True)
def community_email_settings(context):
    from communities.notify_views import member_list_for_settings

    user = context["request"].user
    return {"members": list(member_list_for_settings(user))}


@register.inclusion_tag("communities/_notify_form.html", takes_context=True)
def community_notify_form(context, community):
    """The signed-in member's e-mail choice for `community`, as a small form;
    nothing for anyone who is not an active member. Usage on a community page:
    `{% load community_emails %}{% community_notify_form community %}`."""
    from communities.models import CommunityMember
    from communities.notify_forms import NotifyForm

    request = context["request"]
    member = None
    if request.user.is_authenticated:
        member = (
            CommunityMember.objects.active()
            .filter(community=community, user=request.user)
            .first()
        )
    return {
        "request": request,
        "community": community,
        "notify_form": NotifyForm(initial={"notify": member.notify})
        if member
        else None,
    }
