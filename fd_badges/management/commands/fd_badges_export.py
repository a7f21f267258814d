"""Export an award's credential as JSON, VC-JWT, baked PNG or baked SVG."""
import uuid
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fd_badges.models import Award
from fd_badges.views.awards import FORMATS, KeyWithdrawn, export


class Command(BaseCommand):
    help = "Export an award: fd_badges_export <award-uuid> --format json|jwt|png|svg --output FILE"

    def add_arguments(self, parser):
        parser.add_argument("award", help="the award's UUID")
        parser.add_argument("--format", default="json", choices=sorted(FORMATS))
        parser.add_argument("--output", required=True, help="file to write ('-' for standard output)")

    def handle(self, *args, **options):
        try:
            award_uuid = uuid.UUID(options["award"])
        except ValueError:
            raise CommandError(f"{options['award']!r} is not an award UUID.") from None
        award = Award.objects.select_related("badge_class__issuer", "user").filter(uuid=award_uuid).first()
        if award is None:
            raise CommandError(f"No award {options['award']!r}.")
        if not award.credential:
            raise CommandError("This award is not signed yet (the worker has not run): try again shortly.")
        if award.is_revoked:
            self.stderr.write(f"Warning: this award was revoked ({award.revocation_reason}).")
        try:
            body, _content_type = export(award, options["format"])
        except KeyWithdrawn:
            raise CommandError("The key that signed this award was withdrawn: reissue it first "
                               "(fd_badges_reissue).") from None
        if options["output"] == "-":
            if isinstance(body, bytes):
                raise CommandError("PNG is binary: give a file with --output.")
            self.stdout.write(body)
            return
        path = Path(options["output"])
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
        self.stdout.write(f"Wrote {path} ({options['format']}).")
