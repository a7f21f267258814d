"""Privacy rules shared by every public or staff statistic."""

MIN_GROUP_SIZE = 5


def is_suppressed(count, minimum=MIN_GROUP_SIZE):
    """A group of fewer than ``minimum`` people (but more than none) is never shown."""
    return 0 < count < minimum


def suppress(count, minimum=MIN_GROUP_SIZE):
    """Return ``count``, or ``None`` where it would reveal a group smaller than ``minimum``."""
    return None if is_suppressed(count, minimum) else count
