"""Files as public portals publish them: encodings, delimiters, decimal commas, GeoJSON, broken files."""
import pytest

from fd_xblocks.data_exercise.answers import choose_parameter, number_readings
from fd_xblocks.data_exercise.errors import DataInputError
from fd_xblocks.data_exercise.reading import parse_dataset

from .conftest import STATIC

TEXT = "comune;provincia;abitanti;quota\nAgliè;Torino;2.563;24,5\nSan Casciano in Val di Pesa;Firenze;16000;25,1\n"


@pytest.mark.parametrize(("encoding", "prefix", "expected"), [
    ("cp1252", b"", "cp1252"), ("utf-8", b"", "utf-8"), ("utf-8", b"\xef\xbb\xbf", "utf-8-sig")])
def test_encodings_are_detected(encoding, prefix, expected):
    dataset = parse_dataset(prefix + TEXT.encode(encoding), "x.csv")
    assert dataset.encoding == expected
    assert dataset.frame["comune"].tolist()[0] == "Agliè"
    assert dataset.columns[0] == "comune"


@pytest.mark.parametrize("delimiter", [";", ",", "\t"])
def test_delimiters_are_detected(delimiter):
    text = "nome{d}valore\nFirenze{d}1\nPrato{d}2\n".replace("{d}", delimiter)
    dataset = parse_dataset(text.encode(), "x.csv")
    assert dataset.delimiter == delimiter and dataset.frame["valore"].sum() == 3


def test_decimal_commas_and_italian_thousands_become_numbers_and_codes_stay_text():
    dataset = parse_dataset(("codice;" + TEXT.splitlines()[0] + "\n" + "\n".join(
        f"0{i}8017;{line}" for i, line in enumerate(TEXT.splitlines()[1:]))).encode("cp1252"), "x.csv")
    assert dataset.frame["abitanti"].tolist() == [2563, 16000]
    assert dataset.frame["quota"].tolist() == [24.5, 25.1]
    assert dataset.frame["codice"].tolist() == ["008017", "018017"] and not dataset.is_numeric("codice")


def test_the_istat_file_reads_as_istat_wrote_it():
    dataset = parse_dataset((STATIC / "comuni-toscana-istat.csv").read_bytes(), "comuni-toscana-istat.csv")
    assert (dataset.encoding, dataset.delimiter, len(dataset.frame)) == ("cp1252", ";", 273)
    assert "Codice Comune formato alfanumerico" in dataset.columns
    assert dataset.frame["Codice Comune formato alfanumerico"].iloc[0] == "045001"


def test_geojson_features_become_rows_with_their_geometry_type():
    dataset = parse_dataset((STATIC / "province-toscana.geojson").read_bytes(), "province-toscana.geojson")
    assert dataset.kind == "geojson" and len(dataset.frame) == 10
    assert set(dataset.frame["geometry"]) == {"Polygon", "MultiPolygon"}


@pytest.mark.parametrize(("data", "name"), [
    (b"", "x.csv"), (b"\x00\x01\x02\xff" * 50, "x.csv"), (b"just one column\nno separator\n", "x.csv"),
    (b'{"type": "Feature"}', "x.geojson"), (b"{not json", "x.geojson"), (b"a;a\n1;2\n", "x.csv")])
def test_unreadable_files_get_a_clear_message(data, name):
    with pytest.raises(DataInputError) as caught:
        parse_dataset(data, name)
    assert caught.value.translate(lambda message: message)


@pytest.mark.parametrize(("typed", "value"), [
    ("1.234,5", 1234.5), ("1234.5", 1234.5), ("12,5", 12.5), ("3 651 152", 3651152), ("1.234", 1234),
    ("984.991", 984991), ("41", 41)])
def test_typed_numbers_are_read_the_italian_and_the_english_way(typed, value):
    assert value in number_readings(typed)


def test_the_parameter_is_stable_per_learner_and_varies_between_learners():
    values = ["Arezzo", "Firenze", "Grosseto", "Livorno", "Lucca", "Massa-Carrara", "Pisa", "Pistoia", "Prato",
              "Siena"]
    first = choose_parameter(values, "anon-1", "block-v1:x")
    assert first == choose_parameter(values, "anon-1", "block-v1:x")
    assert len({choose_parameter(values, f"anon-{i}", "block-v1:x") for i in range(40)}) > 5
