"""The sandbox's XBlock runtime: xblock-sdk's workbench runtime, given the LMS's services and keys.

Blocks are addressed by real opaque keys (``block-v1:...``); fields live in the database; the
services are the ones the LMS provides (``i18n``, ``user``, ``completion``, ``settings``); every
block class is mixed with the names the LMS mixes in (``lms_mixins``), whose inheritable settings
come from the course structure (``inheritance``); and ``publish`` routes ``completion`` and
``grade`` events the way the LMS does.
"""
from completion.services import CompletionService
from django.urls import reverse
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey
from workbench.runtime import WorkbenchRuntime
from workbench.services import SettingsService
from xblock.exceptions import NoSuchDefinition, NoSuchServiceError, NoSuchUsage
from xblock.fields import ScopeIds
from xblock.runtime import IdGenerator, IdReader, Runtime

from . import events
from .inheritance import InheritingFieldData
from .kvs import DatabaseKeyValueStore
from .lms_mixins import LMS_MIXINS
from .services import DjangoUserService, I18nService

KVS = DatabaseKeyValueStore()


def as_usage_key(value):
    if isinstance(value, UsageKey):
        return value
    try:
        return UsageKey.from_string(str(value))
    except InvalidKeyError as exc:
        raise NoSuchUsage(repr(value)) from exc


class CourseIdManager(IdReader, IdGenerator):
    """Definitions and usages are the same ``block-v1`` key, as in a published course."""

    def __init__(self, course_key=None):
        self.course_key = course_key

    def get_definition_id(self, usage_id):
        return as_usage_key(usage_id)

    def get_block_type(self, def_id):
        try:
            return as_usage_key(def_id).block_type
        except NoSuchUsage as exc:
            raise NoSuchDefinition(repr(def_id)) from exc

    def create_definition(self, block_type, slug=None):
        if not slug or self.course_key is None:
            raise ValueError("Blocks of a course need a url_name and a course key.")
        return self.course_key.make_usage_key(block_type, slug)

    def create_usage(self, def_id):
        return def_id

    def create_aside(self, definition_id, usage_id, aside_type):
        raise NotImplementedError("The sandbox has no XBlock asides.")

    def get_usage_id_from_aside(self, aside_id):
        raise NoSuchUsage(aside_id)

    def get_definition_id_from_aside(self, aside_id):
        raise NoSuchDefinition(aside_id)

    def get_aside_type_from_usage(self, aside_id):
        raise NoSuchUsage(aside_id)

    def get_aside_type_from_definition(self, aside_id):
        raise NoSuchDefinition(aside_id)


class SandboxRuntime(WorkbenchRuntime):
    """One runtime per request and learner, as the LMS builds one per request."""

    def __init__(self, user=None, course_key=None, is_staff=False):  # pylint: disable=super-init-not-called
        authenticated = bool(user is not None and user.is_authenticated)
        self.user = user
        self.course_id = course_key
        self.learner_id = user.pk if authenticated else None
        self.user_is_staff = bool(is_staff)
        services = {
            "field-data": InheritingFieldData(KVS),
            "settings": SettingsService(),
            "user": DjangoUserService(user, course_key, is_staff=is_staff) if user is not None else None,
            "completion": CompletionService(user, course_key) if authenticated else None,
        }
        self.anonymous_student_id = (
            services["user"].get_current_user().opt_attrs["edx-platform.anonymous_user_id"] if authenticated else None
        )
        self.inherited_settings = services["field-data"]
        self._blocks = {}
        ids = CourseIdManager(course_key)
        Runtime.__init__(self, ids, ids, mixins=LMS_MIXINS,
                         services={k: v for k, v in services.items() if v is not None})

    def get_block(self, usage_id, for_parent=None):
        """The block as this learner sees it: learner-scoped fields are keyed on the learner's id.

        Kept for the rest of the request (the runtime lives one request), as the LMS keeps the
        blocks it loaded for a page.
        """
        usage_key = as_usage_key(usage_id)
        if for_parent is None and usage_key in self._blocks:
            return self._blocks[usage_key]
        keys = ScopeIds(self.learner_id, usage_key.block_type, usage_key, usage_key)
        block = self.construct_xblock(usage_key.block_type, keys, for_parent=for_parent)
        if for_parent is None:
            self._blocks[usage_key] = block
        return block

    def service(self, block, service_name):
        if service_name == "i18n":
            if block.service_declaration("i18n") is None:
                raise NoSuchServiceError("Service 'i18n' was not requested.")
            return I18nService(block)
        return super().service(block, service_name)

    def applicable_aside_types(self, block):
        """The sandbox offers no XBlock asides (its ids have none), so it never scans for them."""
        return []

    def get_user_role(self):
        return "staff" if self.user_is_staff else "student"

    def _patch_xblock(self, block):
        """Our blocks need no legacy attributes: they only use the public XBlock API."""

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):  # noqa: PLR0913
        func = getattr(block, handler_name, None)
        if not func or not getattr(func, "_is_xblock_handler", False):
            raise ValueError(f"{handler_name!r} is not a handler of {block.scope_ids.block_type}")
        name = "sandbox:xblock_handler_noauth" if thirdparty else "sandbox:xblock_handler"
        url = reverse(name, kwargs={"usage_id": str(block.scope_ids.usage_id), "handler": handler_name,
                                    "suffix": suffix or ""})
        return f"{url}?{query}" if query else url

    def publish(self, block, event_type, event_data):
        events.handle(self, block, event_type, event_data)
