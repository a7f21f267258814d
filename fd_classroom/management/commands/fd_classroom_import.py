"""Import the programme's schools or its approved school teachers from a CSV file.

    manage.py lms fd_classroom_import schools schools.csv
    manage.py lms fd_classroom_import teachers teachers.csv

Nothing is written if any row is wrong; every bad row is listed.
"""

from django.core.management.base import BaseCommand, CommandError

from fd_classroom.csv_import import BadRows, import_schools, import_teachers


class Command(BaseCommand):
    help = "Import schools (name, code, district) or teachers (username or email, school) from a CSV file."

    def add_arguments(self, parser):
        parser.add_argument("what", choices=["schools", "teachers"])
        parser.add_argument("path")

    def handle(self, *args, what, path, **options):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        try:
            if what == "schools":
                created, updated = import_schools(data)
                self.stdout.write(f"{created} schools added, {updated} updated.")
            else:
                granted, already = import_teachers(data)
                self.stdout.write(f"{granted} teachers approved, {already} already were.")
        except BadRows as error:
            raise CommandError("Nothing imported:\n" + "\n".join(error.errors)) from error
