"""Load the demo courses and users, then each plugin app's own demo data (``<app label>_demo``)."""
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand
from tqdm import tqdm

from sandbox import enrollment
from sandbox.courses import course_dirs, import_course
from sandbox.models import CourseAccessRole

DEMO_PASSWORD = "firenze2026"  # noqa: S105  (documented demo logins)
DEMO_USERS = (
    ("learner", "Lucia", "Learner", False),
    ("teacher", "Tommaso", "Teacher", False),
    ("staff", "Sara", "Staff", True),
)


class Command(BaseCommand):
    help = "Import the OLX courses in course_content/, create the demo users and the apps' demo data."

    def add_arguments(self, parser):
        parser.add_argument("--no-app-data", action="store_true", help="Skip the plugin apps' demo commands.")

    def handle(self, *args, **options):
        paths = course_dirs()
        bar = tqdm(paths, desc="courses", unit="course", disable=None, leave=False)  # on a terminal only
        courses = [import_course(path) for path in bar]
        self.stdout.write(f"Imported {len(courses)} courses from course_content/.")
        users = self._users()
        for course in courses:
            for user in users.values():
                enrollment.enroll(user, course)
            CourseAccessRole.objects.get_or_create(user=users["teacher"], course_key=course.course_key, role="staff")
        if not options["no_app_data"]:
            commands = get_commands()
            for config in apps.get_app_configs():
                name = f"{config.label}_demo"
                if name in commands:
                    call_command(name, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(
            f"Loaded {len(courses)} courses; logins: learner, teacher, staff (password {DEMO_PASSWORD})."
        ))

    def _users(self):
        users = {}
        user_model = get_user_model()
        for username, first, last, is_staff in DEMO_USERS:
            user, created = user_model.objects.get_or_create(username=username, defaults={
                "first_name": first, "last_name": last, "email": f"{username}@firenzedigitale.example",
                "is_staff": is_staff, "is_superuser": is_staff,
            })
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
                enrollment.registration_completed(user)
            users[username] = user
        return users
