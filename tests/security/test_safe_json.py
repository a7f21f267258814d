"""fd_core.safe_json: the same answer as json.loads for what we accept, a clear refusal otherwise."""
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fd_core import safe_json

pytestmark = pytest.mark.unit

VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
                      | st.text(alphabet=st.characters(), max_size=20)
                      | st.sampled_from(['"[{', '\\"]}', "\\", "{[[", '"']),
                      lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                                  max_size=4), max_leaves=30)


def depth(value):
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    return 0


@settings(max_examples=300)
@given(VALUES)
def test_what_it_accepts_it_reads_as_json_does_and_measures_the_nesting_exactly(value):
    text = json.dumps(value)
    assert safe_json.nesting_depth(text) == depth(value)
    assert safe_json.loads(text) == value
    assert safe_json.loads(text.encode()) == value


@given(st.text(max_size=200))
def test_any_text_is_json_or_a_clear_refusal(text):
    try:
        safe_json.loads(text)
    except safe_json.JsonInputError as error:
        assert str(error)


@pytest.mark.parametrize("body", ["[" * 65 + "]" * 65, '{"a":' * 65 + "1" + "}" * 65, "[" * 50_000,
                                  '"\\"' * 100_000])
def test_too_deep_or_broken_bodies_are_refused_quickly(body):
    with pytest.raises(safe_json.JsonInputError):
        safe_json.loads(body)


def test_limits_and_non_json_numbers():
    assert safe_json.loads("[" * 64 + "]" * 64)
    with pytest.raises(safe_json.JsonInputError):
        safe_json.loads(b"x" * (safe_json.MAX_BYTES + 1))
    with pytest.raises(safe_json.JsonInputError):
        safe_json.loads(b"\xff\xfe")
    for constant in ("NaN", "[Infinity]", '{"a": -Infinity}'):
        with pytest.raises(safe_json.JsonInputError):
            safe_json.loads(constant)
    assert safe_json.loads('"[[[[\\"]]"') == '[[[["]]'
