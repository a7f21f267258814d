"""Retire a user as the LMS's retirement pipeline does: announce it, then anonymise the account."""
import uuid

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from sandbox.platform import USER_RETIRE_LMS_CRITICAL, USER_RETIRE_LMS_MISC


def retire(user):
    USER_RETIRE_LMS_CRITICAL.send(sender=retire, user=user)
    USER_RETIRE_LMS_MISC.send(sender=retire, user=user)
    suffix = uuid.uuid4().hex[:12]
    user.username = f"retired__user_{suffix}"
    user.email = f"retired__user_{suffix}@retired.invalid"
    user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()


class Command(BaseCommand):
    help = "Retire (anonymise) a user, sending the platform's retirement signals."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"No user is called {username!r}.") from exc
        retire(user)
        self.stdout.write(self.style.SUCCESS(f"Retired {username}."))
