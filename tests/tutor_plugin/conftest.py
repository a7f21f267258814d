"""Tutor projects made by the real `tutor` of each tested line, with our plugin enabled."""
from dataclasses import dataclass
from pathlib import Path

import pytest

from .tutor_env import TUTOR_VERSIONS, run_tutor, tutor_venv


@dataclass
class TutorProject:
    line: str
    version: str
    bin_dir: Path
    root: Path

    def tutor(self, *args, check=True):
        return run_tutor(self.bin_dir, self.root, *args, check=check)

    def read(self, relative):
        return (self.root / relative).read_text(encoding="utf-8")

    @property
    def major(self):
        return int(self.version.split(".")[0])


def _project(line, version, root, *save_args):
    project = TutorProject(line, version, tutor_venv(version), root)
    project.tutor("plugins", "enable", "firenze-digitale")
    project.tutor("config", "save", *save_args)
    return project


LINES = sorted(TUTOR_VERSIONS.items())
IDS = [f"{line}-tutor{version}" for line, version in LINES]


@pytest.fixture(scope="module", params=LINES, ids=IDS)
def tutor_project(request, tmp_path_factory):
    """A project with the plugin's defaults: `tutor plugins enable` then `tutor config save`."""
    line, version = request.param
    return _project(line, version, tmp_path_factory.mktemp(f"tutor-{line}"))


@pytest.fixture(params=LINES, ids=IDS)
def tutor_version(request):
    return request.param


@pytest.fixture
def make_project(tmp_path):
    """Make a project of one line with settings of the test's choosing (`--set KEY=VALUE`)."""
    def make(line_and_version, *settings, mounts=()):
        line, version = line_and_version
        root = tmp_path / f"tutor-{line}"
        project = TutorProject(line, version, tutor_venv(version), root)
        for mount in mounts:
            project.tutor("mounts", "add", str(mount))
        args = [part for setting in settings for part in ("--set", setting)]
        return _project(line, version, root, *args)
    return make
