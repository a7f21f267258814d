"""The one error type of the data exercise: bad input from an author or a learner's browser."""


def N_(message):
    """Mark a message for extraction; it is translated where it is shown (the block's i18n service)."""
    return message


class DataInputError(ValueError):
    """A message a person understands: an untranslated msgid, ``{name}`` params filled after translation."""

    def __init__(self, message, field=None, status=400, **params):
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.field = field
        self.status = status
        self.params = params

    def translate(self, gettext):
        text = gettext(self.message)
        return text.format(**self.params) if self.params else text
