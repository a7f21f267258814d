"""Build openedx-events data objects from sandbox models, as the LMS does from its own."""
from openedx_events.learning.data import CourseData, UserData, UserPersonalData


def user_data(user):
    return UserData(
        id=user.pk,
        is_active=user.is_active,
        pii=UserPersonalData(username=user.username, email=user.email or "", name=user.get_full_name()),
    )


def course_data(course):
    return CourseData(course_key=course.course_key, display_name=course.display_name)
