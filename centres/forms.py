"""Forms for the centre workspace and the public directory filter."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from p2i_portal.vocab import Language, Sector, Service

from .models import Centre, Role


class CentreProfileForm(forms.ModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    services = forms.MultipleChoiceField(
        label=_("Services offered"),
        choices=Service.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors"),
        choices=Sector.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    working_languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Centre
        fields = [
            "name",
            "short_name",
            "tagline",
            "host_organisation",
            "website",
            "contact_email",
            "description",
            "services",
            "sectors",
            "working_languages",
            "logo",
            "buddy",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "logo": forms.ClearableFileInput(
                attrs={"accept": "image/png,image/jpeg,image/webp"}
            ),
        }
        help_texts = {
            "logo": _("PNG, JPEG or WebP, at most 2 MB."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buddy"].queryset = Centre.objects.active().exclude(
            pk=self.instance.pk
        )
        self.fields["buddy"].required = False


class MemberAddForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.EDITOR)


class MemberRoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *Centre.Status.choices],
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *Centre.Kind.choices],
    )
    service = forms.ChoiceField(
        label=_("Service"),
        required=False,
        choices=[("", _("Any service")), *Service.choices],
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("Any country"))]
    )

    def __init__(self, *args, country_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(countries)
        self.fields["country"].choices = [
            ("", _("Any country")),
            *sorted(((c, names.get(c, c)) for c in country_codes), key=lambda x: x[1]),
        ]


class ActivityFilterForm(forms.Form):
    """The activity log's filters, read from the query string (all optional).

    `who` offers the people who appear in the log being filtered; `what` an
    action or a whole group of them; `centre` only on the network-wide log.
    """

    who = forms.ModelChoiceField(
        label=_("Who"), queryset=None, required=False, empty_label=_("Anyone")
    )
    what = forms.ChoiceField(label=_("What"), required=False)
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    centre = forms.ModelChoiceField(
        label=_("Centre"),
        queryset=None,
        required=False,
        empty_label=_("All centres"),
        to_field_name="slug",
    )

    def __init__(self, *args, people, centres=None, **kwargs):
        from .models import AUDIT_GROUPS, AUDIT_LABELS, audit_group_of

        super().__init__(*args, **kwargs)
        self.fields["who"].queryset = people
        self.fields["who"].label_from_instance = lambda u: u.get_full_name() or u.email
        grouped: dict[str, list] = {}
        for code, label in AUDIT_LABELS.items():
            grouped.setdefault(audit_group_of(code), []).append((code, label))
        choices = [("", _("Any action"))]
        for group, label in sorted(AUDIT_GROUPS.items(), key=lambda kv: str(kv[1])):
            options = [(group, _("All: %(group)s") % {"group": label})]
            options += sorted(grouped.get(group, []), key=lambda kv: str(kv[1]))
            choices.append((label, options))
        self.fields["what"].choices = choices
        if centres is None:
            del self.fields["centre"]
        else:
            self.fields["centre"].queryset = centres

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(
                _("The period must end on or after the day it starts."),
                code="period_reversed",
            )
        return data
