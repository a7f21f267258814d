"""The real `tutor` from PyPI, one small virtualenv per Tutor version, with our plugin installed.

The virtualenvs live in `.venv-tutor/<version>/` at the repository root (made with uv, which the
test virtualenv has); the plugin is installed in development mode, and a stamp records the
Tutor version and the plugin's packaging so a change of either installs again.
"""
import hashlib
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PLUGIN = REPO / "tutor-contrib-firenze-digitale"
# The Tutor release of each tested Open edX line (docs/testing.md, "Release lines").
TUTOR_VERSIONS = {"teak": "20.0.5", "ulmo": "21.0.9", "verawood": "22.0.3"}


def _plugin_digest():
    # The plugin is installed in development mode: only its packaging needs a new install.
    return hashlib.sha256((PLUGIN / "pyproject.toml").read_bytes()).hexdigest()


def tutor_venv(version):
    """The bin/ folder of a virtualenv holding tutor==version, pytest and our plugin."""
    venv = REPO / ".venv-tutor" / version
    stamp = venv / ".installed"
    wanted = f"tutor=={version} {_plugin_digest()}"
    if stamp.exists() and stamp.read_text() == wanted:
        return venv / "bin"
    uv = Path(sys.executable).parent / "uv"
    subprocess.run([str(uv), "venv", "--quiet", "--allow-existing", "--python", sys.executable, str(venv)],
                   check=True)
    subprocess.run([str(uv), "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"),
                    f"tutor=={version}", "pytest", "-e", str(PLUGIN)], check=True)
    stamp.write_text(wanted)
    return venv / "bin"


def run_tutor(bin_dir, root, *args, check=True):
    env = {**os.environ, "TUTOR_ROOT": str(root), "TUTOR_PLUGINS_ROOT": str(root / "plugins-root"),
           "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run([str(bin_dir / "tutor"), *args], env=env, capture_output=True, text=True, timeout=300)
    if check and result.returncode != 0:
        raise AssertionError(f"tutor {' '.join(args)} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result
