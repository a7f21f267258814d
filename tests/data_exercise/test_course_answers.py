"""Every exercise of the open-data-pro course: its expected answer recomputed here from the data file
with the csv module alone (no pandas), for every parameter value, and accepted by the block."""
import csv
import io
import json
import statistics

import pytest
from lxml import etree

from .conftest import COURSE_DIR, STATIC, block_for, exercise_key, handler_url, post_json

EXERCISES = sorted((COURSE_DIR / "fd_data_exercise").glob("*.xml"))
ENCODINGS = {"comuni-toscana-istat.csv": "cp1252", "popolazione-comuni-toscana-2023.csv": "utf-8-sig"}


def olx(path):
    node = etree.parse(str(path)).getroot()
    parameter = node.find("parameter")
    return node, json.loads(node.find("spec").text), json.loads(parameter.text) if parameter is not None else {}


def rows_of(name):
    """The file as a list of dicts, read the plain way (header whitespace joined as the block does)."""
    if name.endswith(".geojson"):
        document = json.loads((STATIC / name).read_text(encoding="utf-8"))
        return [dict(feature["properties"], geometry=feature["geometry"]["type"]) for feature in document["features"]]
    text = (STATIC / name).read_bytes().decode(ENCODINGS[name])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = [" ".join(cell.split()) for cell in next(reader)]
    return [dict(zip(header, row, strict=True)) for row in reader if row]


def number(text):
    return float(text.replace(".", "").replace(",", ".")) if "," in text else float(text)


def keep(row, condition, params):
    cell = row[condition["column"]]
    value = params.get(condition.get("param"), condition.get("value"))
    if condition["op"] == "eq":
        return cell.casefold() == str(value).casefold()
    if condition["op"] == "between":
        return condition["value"] <= number(cell) <= condition["value2"]
    raise AssertionError(f"this test does not know the comparison {condition['op']}")


def recompute(rows, spec, params):
    chosen = [row for row in rows if all(keep(row, c, params) for c in spec["filters"])]
    if spec["operation"] == "count":
        return len(chosen)
    values = [number(row[spec["column"]]) for row in chosen]
    if spec["operation"] == "sum":
        return sum(values)
    if spec["operation"] == "mean":
        return statistics.fmean(values)
    if spec["operation"] in ("argmin", "argmax"):
        best = min(values) if spec["operation"] == "argmin" else max(values)
        winners = [row[spec["answer_column"]] for row, v in zip(chosen, values, strict=True) if v == best]
        assert len(winners) == 1, f"a tie would make a right answer look wrong: {winners}"
        return winners[0]
    raise AssertionError(spec["operation"])


def cases(path):
    node, spec, parameter = olx(path)
    rows = rows_of(node.get("dataset_path").removeprefix("/static/"))
    values = sorted({row[parameter["column"]] for row in rows}) if parameter else [None]
    for value in values:
        params = {parameter["name"]: value} if parameter else {}
        yield params, recompute(rows, spec, params)


def test_every_exercise_is_on_a_real_file_with_a_stated_licence():
    assert len(EXERCISES) == 6
    for path in EXERCISES:
        node, _spec, _parameter = olx(path)
        assert (STATIC / node.get("dataset_path").removeprefix("/static/")).is_file()
        assert node.get("dataset_licence") and node.get("dataset_publisher") and node.get("dataset_source_url")
        assert node.find("dataset_notes").text


@pytest.mark.django_db
@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_the_block_computes_the_same_answer_for_every_parameter_value(course, learner, path):
    block = block_for(learner, exercise_key(course, path.stem))
    dataset = block.dataset()
    checked = 0
    for params, expected in cases(path):
        computed = block.expected(dataset, params)
        if isinstance(expected, str):
            assert computed["value"] == expected, params
        else:
            assert computed["value"] == pytest.approx(expected), params
        checked += 1
    assert checked >= 1


@pytest.mark.django_db
@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_the_block_accepts_the_recomputed_answer(learner_client, learner, course, path):
    node, spec, parameter = olx(path)
    key = exercise_key(course, path.stem)
    block = block_for(learner, key)
    params = block.learner_params(block.dataset())
    expected = recompute(rows_of(node.get("dataset_path").removeprefix("/static/")), spec, params)
    typed = expected if isinstance(expected, str) else f"{round(expected, spec.get('decimals', 2))}".replace(".", ",")
    body = post_json(learner_client, handler_url(key, "check_answer"), {"answer": typed}).json()
    assert body["verdict"] == "correct", (typed, body)
