"""Rotate an issuer's signing key; the old key stays published unless --compromised."""
from django.core.management.base import BaseCommand, CommandError

from fd_badges.credentials import keys
from fd_badges.models import Issuer


class Command(BaseCommand):
    help = "Start signing with a new key: fd_badges_rotate_key <issuer-domain> [--compromised]"

    def add_arguments(self, parser):
        parser.add_argument("domain")
        parser.add_argument("--compromised", action="store_true",
                            help="withdraw the current key: credentials it signed stop verifying")

    def handle(self, *args, **options):
        issuer = Issuer.objects.filter(domain=options["domain"]).first()
        if issuer is None:
            raise CommandError(f"No issuer for {options['domain']!r}.")
        key = keys.rotate(issuer, compromised=options["compromised"])
        self.stdout.write(f"New signing key: {key.verification_method}")
