"""The one error type of the tour's validators and handlers."""


def N_(message):
    """Mark a message for extraction; it is translated where it is shown (the block's i18n service)."""
    return message


class TourInputError(ValueError):
    """Bad input from an author or a learner, with an untranslated message and where it happened.

    ``where`` names the place ("scene 2, hotspot 'lamp'"); ``params`` fill ``{name}`` placeholders
    after translation.
    """

    def __init__(self, message, field=None, status=400, where="", **params):
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.field = field
        self.status = status
        self.where = where
        self.params = params

    def translate(self, gettext):
        text = gettext(self.message)
        if self.params:
            text = text.format(**self.params)
        return f"{self.where}: {text}" if self.where else text
