from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts.models import User


class TranslatorNameForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of a centre's staff member"),
        help_text=_(
            "The person must already belong to a centre's team, and must turn on "
            "two-factor sign-in before the translation screen opens."
        ),
    )
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        user = User.objects.filter(email=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active account has this e-mail address."))
        self.user = user
        return email
