"""The forms citizens and facilitators fill in: what help, who (for guests), how it went."""

import re

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from .models import Booking, Topic

PHONE = re.compile(r"^\+?[0-9][0-9 .\-/]{5,20}$")


class NeedForm(forms.Form):
    start = forms.CharField(widget=forms.HiddenInput, max_length=40)
    topic = forms.ChoiceField(label=_("What do you need help with?"), choices=Topic.choices,
                              widget=forms.RadioSelect)
    details = forms.CharField(label=_("In a few words (optional)"), max_length=200, required=False,
                              widget=forms.TextInput(attrs={"autocomplete": "off"}))


class GuestForm(NeedForm):
    first_name = forms.CharField(label=_("First name"), max_length=60,
                                 widget=forms.TextInput(attrs={"autocomplete": "given-name"}))
    phone = forms.CharField(label=_("Phone number"), max_length=32, required=False,
                            widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}))
    email = forms.EmailField(label=_("E-mail"), max_length=190, required=False,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    consent = forms.BooleanField(label=_("I agree that the point keeps my first name and contact until "
                                         "%(days)d days after the appointment, only to manage it."))

    def __init__(self, *args, retention_days=30, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = self.fields["consent"].label % {"days": retention_days}

    def clean_first_name(self):
        name = self.cleaned_data["first_name"].strip()
        if not name or any(ord(char) < 32 for char in name):
            raise forms.ValidationError(_("Write your first name."))
        return name

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Write the phone number with digits only, e.g. 333 123 4567."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("phone") and not cleaned.get("email"):
            raise forms.ValidationError(_("Give a phone number or an e-mail, so the point can reach you."))
        return cleaned

    def guest(self):
        return {key: self.cleaned_data[key] for key in ("first_name", "phone", "email")} | {"consent": True}


class MarkForm(forms.Form):
    outcome = forms.ChoiceField(choices=[(Booking.Status.DONE, _("Done")),
                                         (Booking.Status.NO_SHOW, _("Did not come"))])
    minutes = forms.IntegerField(label=_("Minutes spent"), required=False,
                                 validators=[MinValueValidator(1), MaxValueValidator(480)])
