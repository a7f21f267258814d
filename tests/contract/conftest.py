"""Fixtures of the contract tests: the probe blocks and a small course that uses them."""
from pathlib import Path
from unittest.mock import Mock

import pytest
import xblock.plugin
from xblock.core import XBlock

from .probe import ProbeBlock, ScoredProblemBlock

OLX = Path(__file__).parent / "olx" / "probe-course"


def _entry_point(name, block_class):
    entry_point = Mock(dist=Mock(key="tests"), load=Mock(return_value=block_class), group="xblock.v1")
    entry_point.name = name
    return name, entry_point


@pytest.fixture(autouse=True)
def probe_blocks(monkeypatch):
    """Make the probe blocks loadable by name, as XBlock.register_temp_plugin does for a function."""
    extra = [_entry_point("fd_contract_probe", ProbeBlock), _entry_point("fd_contract_problem", ScoredProblemBlock)]
    monkeypatch.setattr(XBlock, "extra_entry_points", list(XBlock.extra_entry_points) + extra)
    monkeypatch.setattr(xblock.plugin, "PLUGIN_CACHE", {})


@pytest.fixture
def probe_course(db, probe_blocks):
    from sandbox.courses import import_course

    return import_course(OLX)


@pytest.fixture
def learner_fields():
    return {"username": "lucia", "first_name": "Lucia"}


@pytest.fixture
def enrolled_client(client, learner, probe_course):
    from sandbox.enrollment import enroll

    enroll(learner, probe_course)
    client.force_login(learner)
    return client
