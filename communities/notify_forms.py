"""Forms of the community e-mail settings (communities.notify_views)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CommunityMember


class NotifyForm(forms.Form):
    """One community: how its member hears about new posts."""

    notify = forms.ChoiceField(
        label=_("E-mail me about new posts"),
        choices=CommunityMember.Notify.choices,
    )


class NotifyPreferencesForm(forms.Form):
    """Every community of one person, one choice each (the preference centre).
    Field names carry the membership's id; labels the community's name."""

    def __init__(self, members, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = list(members)
        for member in self.members:
            self.fields[self.field_name(member)] = forms.ChoiceField(
                label=member.community.name,
                choices=CommunityMember.Notify.choices,
                initial=member.notify,
            )

    @staticmethod
    def field_name(member) -> str:
        return f"notify_{member.pk}"

    def choices(self):
        """(member, chosen value) for every community of the form."""
        return [
            (member, self.cleaned_data[self.field_name(member)])
            for member in self.members
        ]
