"""Forms: subscribing, the preference centre, composing issues and sections."""

from datetime import timedelta

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from centres.models import Centre
from knowledge.models import Approach, Resource
from p2i_portal.vocab import Language, Sector

from .models import Issue, Section, SectionTranslation, Subscriber


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Your name (optional)"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    wants_newsletter = forms.BooleanField(
        label=_("The joint newsletter of the Innovation Procurement Task Force"),
        required=False,
        initial=True,
    )
    digest_frequency = forms.ChoiceField(
        label=_("Digest of new resources and events"),
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.NONE,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    # The consent text is shown above the box (templates/newsletters/subscribe.html,
    # id "consent-text"): screen readers announce it with the box's label.
    consent = forms.BooleanField(
        label=_("I agree (see the text above)"),
        widget=forms.CheckboxInput(attrs={"aria-describedby": "consent-text"}),
    )

    def clean(self):
        data = super().clean()
        if (
            not data.get("wants_newsletter")
            and data.get("digest_frequency") == Subscriber.Frequency.NONE
        ):
            raise forms.ValidationError(_("Choose the newsletter, a digest or both."))
        return data


class HomeSubscribeForm(SubscribeForm):
    """The home page's short sign-up to the joint newsletter, in the page's
    language. It posts to the subscribe page, which checks it as a SubscribeForm
    and shows the full form again when something is wrong."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "home-nl-%s")
        super().__init__(*args, **kwargs)
        del self.fields["name"]
        for name in ("wants_newsletter", "digest_frequency", "language"):
            self.fields[name].widget = forms.HiddenInput()
        self.fields["consent"].widget.attrs["aria-describedby"] = "home-consent-text"


class PreferencesForm(forms.ModelForm):
    centres = forms.ModelMultipleChoiceField(
        label=_("Centres and task-force projects"),
        queryset=Centre.objects.active(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Digests list only what these publish. None ticked: all of them."),
    )

    class Meta:
        model = Subscriber
        fields = [
            "name",
            "wants_newsletter",
            "digest_frequency",
            "sectors",
            "approaches",
            "centres",
            "language",
            "country",
        ]
        labels = {
            "name": _("Your name"),
            "wants_newsletter": _(
                "The joint newsletter of the Innovation Procurement Task Force"
            ),
            "digest_frequency": _("Digest of new resources and events"),
            "language": _("Language of your e-mails"),
            "country": _("Country"),
        }
        widgets = {"digest_frequency": forms.RadioSelect}

    sectors = forms.MultipleChoiceField(
        label=_("Sectors"),
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Digests list only these topics. None ticked: all topics."),
    )
    approaches = forms.MultipleChoiceField(
        label=_("Procurement approaches"),
        choices=Approach.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class IssueForm(forms.ModelForm):
    audience_languages = forms.MultipleChoiceField(
        label=_("Only subscribers who read"),
        choices=Language.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audience_countries = forms.MultipleChoiceField(
        label=_("Only subscribers in"),
        choices=list(countries),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Hold Ctrl (or ⌘) to choose several. None: every country."),
    )
    audience_sectors = forms.MultipleChoiceField(
        label=_("Only subscribers interested in the sectors"),
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audience_approaches = forms.MultipleChoiceField(
        label=_("… or in the approaches"),
        choices=Approach.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Issue
        fields = [
            "subject",
            "preheader",
            "intro",
            "contributions_open",
            "contribution_deadline",
            "audience_languages",
            "audience_countries",
            "audience_sectors",
            "audience_approaches",
        ]
        widgets = {
            "intro": forms.Textarea(attrs={"rows": 6}),
            "contribution_deadline": forms.DateInput(attrs={"type": "date"}),
        }


def resource_choices():
    """Public resources of the last year, newest first: what a section may pull in."""
    since = timezone.now() - timedelta(days=365)
    return (
        Resource.objects.public()
        .filter(published_at__gte=since)
        .select_related("centre")
        .order_by("-published_at")
    )


class ResourceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.centre.short_name})"


def event_choices():
    """Published public events still to come: what a section may announce
    (a network-only event is never sent to subscribers)."""
    from events.models import Event

    return Event.objects.public().published().upcoming().order_by("starts_at")


class EventChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({formats.date_format(obj.starts_local, 'STAFF_DATE_FORMAT')})"


class SectionForm(forms.ModelForm):
    events = EventChoiceField(
        label=_("Upcoming events"),
        queryset=Resource.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Published events still to come."),
    )
    resources = ResourceChoiceField(
        label=_("Resources from the knowledge base"),
        queryset=Resource.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_(
            "Public resources published in the last year. Hold Ctrl (or ⌘) to "
            "choose several."
        ),
    )

    class Meta:
        model = Section
        fields = ["title", "body", "resources", "events"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resources"].queryset = resource_choices()
        self.fields["events"].queryset = event_choices()


class EditorialSectionForm(SectionForm):
    class Meta(SectionForm.Meta):
        fields = ["title", "body", "resources", "events", "position"]


class SectionTranslationForm(forms.ModelForm):
    """A section's title and text in one other language. Both empty: no
    translation (subscribers of that language read the section as written)."""

    class Meta:
        model = SectionTranslation
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _(
            "Leave the title and the text empty to remove this translation."
        )

    def clean(self):
        data = super().clean()
        if data.get("body", "").strip() and not data.get("title", "").strip():
            self.add_error("title", _("Give the translated title as well."))
        return data

    def validate_unique(self):
        # The service writes the one translation per language; no second check.
        pass


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("return", _("Return"))],
        widget=forms.HiddenInput,
    )
    comment = forms.CharField(
        label=_("Comment for the centre"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ScheduleForm(forms.Form):
    when = forms.DateTimeField(
        label=_("Send at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Your local time (Brussels)."),
    )

    def clean_when(self):
        when = self.cleaned_data["when"]
        if when <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return when
