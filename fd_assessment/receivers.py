"""Signal receivers of fd_assessment, connected by the plugin framework through signals_config."""
import logging

log = logging.getLogger(__name__)


def on_xblock_published(sender, xblock_info=None, **kwargs):
    """openedx-events XBLOCK_PUBLISHED: keep the DigComp learning-resource catalogue current."""
    from .catalogue import index_block

    if xblock_info is not None:
        index_block(xblock_info.usage_key)


def on_xblock_deleted(sender, xblock_info=None, **kwargs):
    """openedx-events XBLOCK_DELETED: the block no longer trains anything."""
    from .catalogue import remove_block

    if xblock_info is not None:
        remove_block(xblock_info.usage_key)


def on_user_retired(sender, user=None, **kwargs):
    """Platform retirement (through fd_core.platform): drop the person's attempts, keep counters."""
    from .attempts import retire_user as retire

    if user is not None:
        retire(user)
