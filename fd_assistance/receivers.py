"""Signal receivers of fd_assistance, connected by the plugin framework through signals_config."""


def on_user_retired(sender=None, user=None, **kwargs):
    """``fd_core.platform.USER_RETIRE_LMS_MISC``: forget the person's bookings and help desks."""
    from .retirement import retire_user

    if user is not None:
        retire_user(user.pk)
