"""Forms of the community pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .services import MEMBER_ACTIONS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented recipe)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


BODY_HELP = _("Markdown: **bold**, *italic*, lists and links.")
FILES_HELP = _("Up to 3 files: PDF, DOCX, XLSX, PPTX or ODT.")


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=BODY_HELP,
    )
    files = MultipleFileField(label=_("Files"), required=False, help_text=FILES_HELP)


class ThreadForm(ReplyForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    field_order = ["title", "body", "files"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Message")


class EditForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=BODY_HELP,
    )


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Why you would like to join"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ReportForm(forms.Form):
    reason = forms.CharField(label=_("What is wrong with this post?"), max_length=1000)


class PostModerateForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("hide", "hide"), ("approve", "approve"), ("dismiss", "dismiss")]
    )
    reason = forms.CharField(
        label=_("Reason (the author sees it)"), max_length=500, required=False
    )


class ThreadModerateForm(forms.Form):
    action = forms.ChoiceField(
        choices=[(a, a) for a in ("lock", "unlock", "pin", "unpin")]
    )


class MemberModerateForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in MEMBER_ACTIONS])


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search this community"), max_length=200)


class CommunityForm(forms.ModelForm):
    class Meta:
        from .models import Community

        model = Community
        fields = ["name", "slug", "purpose", "sector", "language", "visibility"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 5})}
        labels = {"slug": _("Web address")}
        help_texts = {
            "slug": _(
                "The end of the community's address, such as circular-cities: "
                "lower-case letters, digits and hyphens."
            )
        }
