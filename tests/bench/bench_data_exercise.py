"""The data exercise on a 50,000-row file, against reading that file alone.

The file is the course's real one (ISTAT population of Tuscany's 273 municipalities, UTF-8 with
BOM, ``;``, decimal comma) replicated to 50,000+ rows, so the figures are real ones repeated,
never invented. Baseline: ``pandas.read_csv`` of the file with its separator and decimal comma
already known (reading the file alone). Candidates:

- table, cold: detect encoding and delimiter, read, type the columns, then one table page
  (filter a province, sort by population, page 3 of 25 rows);
- grading, cold: the same reading, then the answer specification evaluated and an answer judged;
- table, warm: one table page on the file already read (what every request after the first one
  costs, as the parsed file is kept per process).
"""
import io

from tests.bench.timing import compare

REPO_FILE = "course_content/open-data-pro/static/popolazione-comuni-toscana-2023.csv"
ROWS = 50_000


def big_file():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / REPO_FILE).read_bytes().decode("utf-8-sig")
    header, *rows = text.splitlines()
    copies = -(-ROWS // len(rows))
    return ("\ufeff" + "\n".join([header] + rows * copies) + "\n").encode("utf-8")


def run():
    import pandas as pd

    from fd_xblocks.data_exercise import answers, explore, reading
    from fd_xblocks.data_exercise.spec import clean_spec, evaluate

    data = big_file()
    raw_query = {"column": "provincia", "value": "Firenze", "sort": "totale", "dir": "desc", "page": "3"}
    raw_spec = {"filters": [{"column": "provincia", "op": "eq", "param": "provincia"},
                            {"column": "totale", "op": "between", "value": 5000, "value2": 20000}],
                "operation": "count"}

    def read_alone():
        return pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig", dtype={"codice_istat": str})

    def table_cold():
        dataset = reading.parse_dataset(data, "big.csv")
        return explore.run_query(dataset, explore.clean_query(dataset, raw_query))

    def grade_cold():
        dataset = reading.parse_dataset(data, "big.csv")
        expected = evaluate(dataset, clean_spec(raw_spec, dataset, "provincia"), {"provincia": "Firenze"})
        return answers.judge("4.600", expected, clean_spec(raw_spec, dataset, "provincia"))

    warm = reading.parse_dataset(data, "big.csv")
    assert len(warm.frame) >= ROWS

    def table_warm():
        return explore.run_query(warm, explore.clean_query(warm, raw_query))

    rows = len(warm.frame)
    return [
        compare(f"data exercise: table page, cold ({rows} rows)", table_cold, read_alone, "<= 3", repeat=3, number=2,
                what=("read + detect + page", "read_csv alone")),
        compare(f"data exercise: grading, cold ({rows} rows)", grade_cold, read_alone, "<= 3", repeat=3, number=2,
                what=("read + detect + grade", "read_csv alone")),
        compare(f"data exercise: table page, file already read ({rows} rows)", table_warm, read_alone, "<= 1",
                repeat=3, number=3, what=("page", "read_csv alone")),
    ]
