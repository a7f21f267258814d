"""A key-value store for XBlock fields on the database (one row a field and scope)."""
from xblock.runtime import KeyValueStore

from .models import XBlockFieldValue


def _row_filter(key):
    return {
        "scope": key.scope.name,
        "block_scope_id": str(key.block_scope_id),
        "user_id": "" if key.user_id is None else str(key.user_id),
        "field_name": key.field_name,
    }


class DatabaseKeyValueStore(KeyValueStore):
    """Content and settings fields have no user; learner state is kept per user."""

    def get(self, key):
        try:
            return XBlockFieldValue.objects.only("value").get(**_row_filter(key)).value
        except XBlockFieldValue.DoesNotExist as exc:
            raise KeyError(key.field_name) from exc

    def set(self, key, value):
        self.set_many({key: value})

    def set_many(self, update_dict):
        for key, value in update_dict.items():
            XBlockFieldValue.objects.update_or_create(**_row_filter(key), defaults={"value": value})

    def delete(self, key):
        XBlockFieldValue.objects.filter(**_row_filter(key)).delete()

    def has(self, key):
        return XBlockFieldValue.objects.filter(**_row_filter(key)).exists()
