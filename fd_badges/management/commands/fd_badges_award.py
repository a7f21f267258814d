"""Award a badge class to one learner (or to everyone in a CSV file, with a progress bar)."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from tqdm import tqdm

from fd_badges import awarding, bulk
from fd_badges.models import Award, BadgeClass


class Command(BaseCommand):
    help = "Award a badge: fd_badges_award <badge-class-slug> (--user NAME_OR_EMAIL | --csv FILE) [--narrative TEXT]"

    def add_arguments(self, parser):
        parser.add_argument("badge_class", help="slug of the badge class")
        parser.add_argument("--user", help="username or e-mail of the learner")
        parser.add_argument("--csv", help="CSV file: username or e-mail, optional narrative")
        parser.add_argument("--narrative", default="", help="why the badge is awarded")

    def handle(self, *args, **options):
        badge_class = BadgeClass.objects.filter(slug=options["badge_class"]).first()
        if badge_class is None:
            raise CommandError(f"No badge class {options['badge_class']!r}.")
        if bool(options["user"]) == bool(options["csv"]):
            raise CommandError("Give either --user or --csv.")
        if options["user"]:
            who = options["user"]
            user = get_user_model().objects.filter(Q(username=who) | Q(email__iexact=who)).first()
            if user is None:
                raise CommandError(f"No learner {who!r}.")
            rows = [(user, options["narrative"])]
        else:
            try:
                with open(options["csv"], encoding="utf-8") as handle:
                    rows, problems = bulk.parse(handle.read(), options["narrative"])
            except (OSError, UnicodeDecodeError, bulk.BulkError) as error:
                raise CommandError(str(error)) from None
            for problem in problems:
                self.stderr.write(problem)
        created_count = 0
        for user, narrative in tqdm(rows, desc=f"Awarding {badge_class.slug}", unit="learner",
                                    disable=len(rows) < 2 or options["verbosity"] == 0):
            award, created = awarding.award(user, badge_class, source=Award.MANUAL if len(rows) == 1 else Award.BULK,
                                            narrative=narrative)
            awarding.complete(award)
            created_count += created
            if len(rows) == 1:
                self.stdout.write(f"{'Awarded' if created else 'Already awarded'}: {award.uuid}")
        self.stdout.write(f"{created_count} new award(s), {len(rows) - created_count} already held.")
