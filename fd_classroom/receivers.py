"""Signal receivers of fd_classroom, connected by the plugin framework through signals_config."""


def on_user_retired(sender=None, user=None, **kwargs):
    """``fd_core.platform.USER_RETIRE_LMS_MISC``: drop the teacher role and the classes led."""
    from .retirement import retire_teacher

    if user is not None:
        retire_teacher(user.pk)
