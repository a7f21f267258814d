"""Reissue awards whose credential was signed by a withdrawn (compromised) key, on purpose."""
from django.core.management.base import BaseCommand, CommandError

from fd_badges import awarding
from fd_badges.credentials import keys
from fd_badges.models import Award, Issuer


class Command(BaseCommand):
    help = ("Sign again, with the active key, the awards of an issuer whose credential was signed by a "
            "withdrawn key: fd_badges_reissue <issuer-domain> [--dry-run]")

    def add_arguments(self, parser):
        parser.add_argument("domain")
        parser.add_argument("--dry-run", action="store_true", help="only count the awards to reissue")

    def handle(self, *args, **options):
        issuer = Issuer.objects.filter(domain=options["domain"]).first()
        if issuer is None:
            raise CommandError(f"No issuer for {options['domain']!r}.")
        withdrawn = {key.verification_method for key in issuer.keys.filter(compromised_at__isnull=False)}
        awards = [award for award in Award.objects.filter(badge_class__issuer=issuer, revoked_at__isnull=True,
                                                          credential__isnull=False)
                  .select_related("badge_class__issuer", "user").iterator()
                  if (award.credential.get("proof") or {}).get("verificationMethod") in withdrawn]
        if not options["dry_run"]:
            keys.forget_keys()
            for award in awards:
                awarding.reissue(award)
        verb = "To reissue" if options["dry_run"] else "Reissued"
        self.stdout.write(f"{verb}: {len(awards)} awards signed by a withdrawn key.")
