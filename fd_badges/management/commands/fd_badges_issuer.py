"""Create or update the badge issuer of a host and make sure it has a signing key (idempotent).

Run by the Tutor plugin's init task; any operator may run it again: the issuer keeps its keys.
"""
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from fd_badges.credentials import keys
from fd_badges.models import Issuer


class Command(BaseCommand):
    help = "Create or update the issuer did:web:<domain> and its first signing key (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--domain", required=True,
                            help="host (and optional :port) of the LMS, e.g. lms.example.org")
        parser.add_argument("--name", required=True, help="the issuer's name, shown on every badge")
        parser.add_argument("--name-en", default="", help="the issuer's name in English, if different")
        parser.add_argument("--url", required=True, help="the issuer's web site (http or https)")
        parser.add_argument("--email", default="", help="contact e-mail")

    def handle(self, *args, **options):
        issuer = Issuer.objects.filter(domain=options["domain"]).first() or Issuer(domain=options["domain"])
        created = issuer.pk is None
        issuer.name_it = options["name"]
        issuer.name_en = options["name_en"]
        issuer.url = options["url"]
        issuer.email = options["email"]
        try:
            issuer.full_clean()
        except ValidationError as error:
            raise CommandError("; ".join(f"{field}: {' '.join(messages)}"
                                         for field, messages in error.message_dict.items())) from error
        issuer.save()
        key = keys.active_key(issuer)
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} issuer {issuer.did} ({issuer.name_it}); signing key {key.key_id}.")
