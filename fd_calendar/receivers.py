"""Signal receivers of fd_calendar, connected by the plugin framework through signals_config."""


def on_user_retired(sender=None, user=None, **kwargs):
    """``fd_core.platform.USER_RETIRE_LMS_MISC``: forget the person's registrations and check-ins."""
    from .retirement import retire_user

    if user is not None:
        retire_user(user.pk)
