"""The forms of the calendar pages: filters of the list, a guest's registration, the head count."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .choices import Access, Kind, Topic

PHONE = re.compile(r"^\+?[0-9][0-9 ./-]{4,18}[0-9]$")


def _blank(choices):
    return [("", _("Any"))] + list(choices)


class FilterForm(forms.Form):
    district = forms.ChoiceField(label=_("District"), required=False)
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=_blank(Topic.choices))
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=_blank(Kind.choices))
    access = forms.MultipleChoiceField(label=_("Access needs"), required=False, choices=Access.choices,
                                       widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = _blank((name, name) for name in districts)


class GuestForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=60, strip=True,
                                 widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    phone = forms.CharField(label=_("Phone number"), max_length=20, required=False, strip=True,
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel",
                                                          "aria-describedby": "id_phone-help"}),
                            help_text=_("A phone number or an e-mail address, so we can reach you if the session "
                                        "changes. Only an e-mail address gets a reminder the day before."))
    email = forms.EmailField(label=_("E-mail address"), max_length=191, required=False,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    consent = forms.BooleanField(
        label=_("I agree that Firenze Digitale keeps my first name and contact to manage this registration; "
                "they are erased after the session."), required=True,
        error_messages={"required": _("Please agree to us keeping your name and contact until after the session.")})
    wait = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_first_name(self):
        name = self.cleaned_data["first_name"]
        if any(ord(char) < 32 for char in name):
            raise ValidationError(_("Please write your first name with letters only."))
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        if phone and not PHONE.match(phone):
            raise ValidationError(_("Please write the phone number with digits only, e.g. 055 123 4567."))
        return phone

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("phone") and not data.get("email"):
            raise ValidationError(_("Please give a phone number or an e-mail address."))
        return data


class HeadCountForm(forms.Form):
    people = forms.IntegerField(label=_("People without an account who came"), min_value=1, max_value=500)
