"""What `make demo` and `make test` install on a new machine, read from make itself."""
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def make(*args, user=None, directory=REPO):
    command = ["make", "--no-print-directory", "-C", str(directory), *args]
    if user is not None:
        command = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "HOME": "/tmp", "MAKEFLAGS": ""})


def test_demo_installs_no_mysql_client_and_no_system_package():
    plan = make("-n", "-B", "demo")
    assert plan.returncode == 0, plan.stderr
    commands = plan.stdout.splitlines()
    assert "grep -v '^mysqlclient==' requirements/verawood.txt > .venv-verawood/requirements-without-mysqlclient.txt" \
        in commands
    assert not [line for line in commands if "mysqlclient" in line.replace("without-mysqlclient", "")
                and not line.startswith("grep -v '^mysqlclient==' ")]
    assert not [line for line in commands if "apt-get" in line or "dpkg-query" in line]
    assert commands[-1].endswith("manage.py runserver 127.0.0.1:8000")


def test_test_installs_system_packages_before_building_mysqlclient():
    commands = make("-n", "-B", "test").stdout
    mysqlclient = "\"$(grep '^mysqlclient==' requirements/verawood.txt)\""
    assert commands.index("apt-get install") < commands.index(mysqlclient)
    for line in ("verawood", "ulmo", "teak"):
        assert f"requirements/{line}.txt" in commands


@pytest.mark.skipif(shutil.which("setpriv") is None or os.geteuid() != 0,
                    reason="needs root to run make as another user")
def test_a_user_who_is_not_root_gets_the_one_apt_get_line_at_once():
    # The checkout may sit in a folder only root can enter (mktemp -d makes it 0700; so are pytest's
    # own tmp_path folders), so the other user reads a copy of the Makefile from a folder it can enter.
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)  # noqa: S103 -- another user must enter it: that is the point
        shutil.copy(REPO / "Makefile", Path(folder) / "Makefile")
        os.chmod(Path(folder) / "Makefile", 0o644)
        result = make("system-packages", "SYSTEM_PACKAGES=fd-no-such-package", user=65534, directory=folder)
    assert result.returncode != 0
    assert "  apt-get install -y --no-install-recommends fd-no-such-package" in result.stdout.splitlines()
    assert "Installing" not in result.stdout
