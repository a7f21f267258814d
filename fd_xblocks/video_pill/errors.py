"""The one error type raised by the pill's parsers and validators."""


def N_(message):
    """Mark a message for extraction; it is translated where it is shown (the block's i18n service)."""
    return message


class PillInputError(ValueError):
    """Bad input from an author or a learner's browser, with a message a person understands.

    ``message`` is an untranslated msgid with ``{name}`` placeholders; ``params`` fill them in
    after translation, so the same error reads well in Italian and English.
    """

    def __init__(self, message, field=None, status=400, **params):
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.field = field
        self.status = status
        self.params = params

    def translate(self, gettext):
        text = gettext(self.message)
        if not self.params:
            return text
        # "label" names a part of the form and is itself a msgid.
        params = {
            key: value.translate(gettext) if isinstance(value, PillInputError)
            else gettext(value) if key == "label" else value
            for key, value in self.params.items()
        }
        return text.format(**params)
