"""Packaging for Firenze Digitale for Open edX: XBlocks and Django plugin apps."""
import os

from setuptools import find_packages, setup

HERE = os.path.dirname(os.path.abspath(__file__))


def read(*parts):
    with open(os.path.join(HERE, *parts), encoding="utf-8") as handle:
        return handle.read()


PLUGIN_APPS = [
    "fd_core = fd_core.apps:CoreConfig",
    "fd_assessment = fd_assessment.apps:AssessmentConfig",
    "fd_badges = fd_badges.apps:BadgesConfig",
    "fd_progress = fd_progress.apps:ProgressConfig",
    "fd_classroom = fd_classroom.apps:ClassroomConfig",
    "fd_assistance = fd_assistance.apps:AssistanceConfig",
    "fd_calendar = fd_calendar.apps:CalendarConfig",
]

setup(
    name="firenze-digitale-openedx",
    version="0.1.0",
    description="Open edX XBlocks and plugin apps for a city's digital-skills programme: "
    "video pills, DigComp self-assessment, Open Badges 3.0, participation targets.",
    long_description=read("README.md"),
    long_description_content_type="text/markdown",
    license="Apache-2.0",
    python_requires=">=3.11",
    packages=find_packages(include=[
        "fd_core", "fd_core.*",
        "fd_xblocks", "fd_xblocks.*",
        "fd_assessment", "fd_assessment.*",
        "fd_badges", "fd_badges.*",
        "fd_progress", "fd_progress.*",
        "fd_classroom", "fd_classroom.*",
        "fd_assistance", "fd_assistance.*",
        "fd_calendar", "fd_calendar.*",
        # The demo courses (the Tutor plugin imports them on request). The sandbox and its LMS
        # shim are for trying and testing from a checkout only: they are not in the wheel.
        "course_content", "course_content.*",
    ]),
    include_package_data=True,
    zip_safe=False,
    install_requires=[
        "Django>=4.2,<6.0",
        "XBlock>=5.0,<7.0",
        "edx-django-utils>=5.0",
        "edx-opaque-keys>=2.5",
        "edx-completion>=4.7",
        "openedx-events>=9.0",
        "celery>=5.2,<6.0",
        "djangorestframework>=3.14",
        "drf-spectacular>=0.27",
        "nh3>=0.2.14",
        "webvtt-py>=0.5",
        "pyld>=2.0.4",
        "cryptography>=42",
        "PyJWT>=2.8",
        "pygal>=3.0",
        "jsonschema>=4.17",
        "Pillow>=10",
        "tqdm>=4.66",
        "segno>=1.6",
        "django-crum>=0.7",
        "pandas>=2.2",
        "charset-normalizer>=3.0",
        "icalendar>=6.0",
    ],
    extras_require={
        "sandbox": ["xblock-sdk>=0.12"],
        "test": [
            "xblock-sdk>=0.12",
            "pytest>=8",
            "pytest-django>=4.8",
            "pytest-timeout>=2.3",
            "hypothesis>=6.100",
            "schemathesis>=4.0",
            "selenium>=4.20",
            "mysqlclient>=2.2",
            "redis>=5",
            "ruff>=0.6",
            "polib>=1.2",
        ],
    },
    entry_points={
        "xblock.v1": [
            "fd_video_pill = fd_xblocks.video_pill.block:VideoPillBlock",
            "fd_digcomp_assessment = fd_xblocks.digcomp_assessment.block:DigCompAssessmentBlock",
            "fd_message_inspector = fd_xblocks.message_inspector.block:MessageInspectorBlock",
            "fd_city_tour = fd_xblocks.city_tour.block:CityTourBlock",
            "fd_data_exercise = fd_xblocks.data_exercise.block:DataExerciseBlock",
        ],
        "lms.djangoapp": PLUGIN_APPS,
        "cms.djangoapp": PLUGIN_APPS,
    },
    classifiers=[
        "Framework :: Django",
        "Framework :: Django :: 4.2",
        "Framework :: Django :: 5.2",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "License :: OSI Approved :: Apache Software License",
    ],
)
