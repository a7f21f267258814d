"""Read a dataset file (CSV in any common encoding and delimiter, or GeoJSON) into a table.

Public CSV files are often Windows-1252 with ``;`` and a decimal comma (ISTAT's, many
municipalities'), or UTF-8 with a byte-order mark. The encoding is found by the BOM, then by
trying strict UTF-8, then Windows-1252 (the usual one of Italian public files), then by
charset-normalizer; the delimiter by ``csv.Sniffer`` restricted to
``;``, ``,``, tab and ``|``. Every cell is read as text; a column becomes numeric only when every
non-empty value is a plain number (codes with leading zeros, like ISTAT's ``001001``, stay text).
"""
import codecs
import csv
import hashlib
import io
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from charset_normalizer import from_bytes

from fd_core import safe_json

from .errors import N_, DataInputError

DELIMITERS = ";,\t|"
NUMBER = re.compile(r"[+-]?(?:\d+|\d{1,3}(?:\.\d{3})+)(?:,\d+)?")  # 1234 1.234 1.234,5 12,5
DOT_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
LEADING_ZERO = re.compile(r"[+-]?0\d")
THOUSANDS = re.compile(r"[+-]?\d{1,3}(?:\.\d{3})+")
CACHE_SIZE = 8


@dataclass
class Dataset:
    """A parsed file: the table, which columns are numeric, and how the file was read."""

    frame: pd.DataFrame
    numeric: frozenset
    encoding: str
    delimiter: str
    kind: str = "csv"
    digest: str = ""
    labels: dict = field(default_factory=dict)

    @property
    def columns(self):
        return list(self.frame.columns)

    def is_numeric(self, column):
        return column in self.numeric


def detect_encoding(data):
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for bom, name in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Italian public files that are not UTF-8 are nearly always Windows-1252; charset-normalizer
        # alone often calls them Central European (cp1250) and turns "Agliè" into "Aglič".
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DataInputError(N_("The file is not text: is it really a CSV file?"), "dataset")
    name = best.encoding
    # Latin-1 and Windows-1252 share the letters; 1252 also has the euro sign and curly quotes.
    return "cp1252" if name in ("latin_1", "iso8859_1", "iso8859_15", "ascii") else name


def detect_delimiter(text):
    sample = "\n".join(text[:65536].splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = text[:65536].splitlines()[0] if text else ""
        counts = {d: first.count(d) for d in DELIMITERS}
        best = max(counts, key=counts.get)
        if not counts[best]:
            raise DataInputError(N_("No column separator found: the file needs ; or , or tabs between "
                                    "columns."), "dataset") from None
        return best


def _clean_header(name, index):
    name = " ".join(str(name).split())
    return name or f"column {index + 1}"


def _column_kind(uniques):
    """"dot" (1234.5), "comma" (1.234,5 or 12,5) or "text", judged on a column's distinct values."""
    if any(LEADING_ZERO.match(value) for value in uniques):
        return "text"  # codes such as ISTAT's 001001 keep their zeros
    if all(DOT_NUMBER.fullmatch(value) for value in uniques):
        with_dot = [value for value in uniques if "." in value]
        return "comma" if with_dot and all(THOUSANDS.fullmatch(value) for value in with_dot) else "dot"
    return "comma" if all(NUMBER.fullmatch(value) for value in uniques) else "text"


def type_columns(frame):
    """Turn the all-number text columns into floats; return the set of numeric column names.

    The patterns are checked on each column's distinct values only, and each distinct value is
    converted once and mapped onto the column: typing stays a small share of reading a 50,000-row file.
    """
    numeric = set()
    for column in frame.columns:
        values = frame[column]
        uniques = pd.unique(values.to_numpy(dtype=object))
        if any(value != value.strip() for value in uniques):
            values = values.str.strip()
            uniques = pd.unique(values.to_numpy(dtype=object))
        filled = [value for value in uniques if value != ""]
        kind = _column_kind(filled) if filled else "text"
        if kind == "text":
            frame[column] = values
            continue
        if kind == "comma":
            numbers = {value: float(value.replace(".", "").replace(",", ".")) for value in filled}
        else:
            numbers = {value: float(value) for value in filled}
        # Vectorised lookup of each cell's distinct value (empty cells fall on the trailing NaN).
        positions = pd.Index(list(numbers)).get_indexer(values.to_numpy(dtype=object))
        frame[column] = np.append(np.fromiter(numbers.values(), float, len(numbers)), np.nan)[positions]
        numeric.add(column)
    return frozenset(numeric)


def read_csv_bytes(data):
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise DataInputError(N_("The file's characters could not be read ({encoding})."), "dataset",
                             encoding=encoding) from exc
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise DataInputError(N_("The file is empty."), "dataset")
    delimiter = detect_delimiter(text)
    header = [_clean_header(name, i) for i, name in
              enumerate(next(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)))]
    if len(set(header)) != len(header):
        raise DataInputError(N_("Two columns have the same name."), "dataset")
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
                            engine="c", skip_blank_lines=True, header=0, names=header)
    except (ValueError, pd.errors.ParserError) as exc:
        raise DataInputError(N_("The rows of the file do not have the same columns: {problem}"),
                             "dataset", problem=str(exc)[:200]) from exc
    return Dataset(frame=frame, numeric=type_columns(frame), encoding=encoding, delimiter=delimiter)


def read_geojson_bytes(data):
    try:
        document = safe_json.loads(data.decode(detect_encoding(data)).lstrip("\ufeff"), max_bytes=len(data) + 1)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataInputError(N_("The GeoJSON file is not valid JSON."), "dataset") from exc
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list) or document.get("type") != "FeatureCollection":
        raise DataInputError(N_("The GeoJSON file must be a FeatureCollection."), "dataset")
    rows = []
    for feature in features:
        properties = feature.get("properties") if isinstance(feature, dict) else None
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        row = {str(k): "" if v is None else str(v) for k, v in (properties or {}).items()
               if not isinstance(v, (dict, list))}
        row["geometry"] = geometry.get("type", "") if isinstance(geometry, dict) else ""
        rows.append(row)
    frame = pd.DataFrame(rows, dtype=str).fillna("")
    if frame.empty:
        raise DataInputError(N_("The GeoJSON file has no features."), "dataset")
    return Dataset(frame=frame, numeric=type_columns(frame), encoding="utf-8", delimiter="", kind="geojson")


def parse_dataset(data, name=""):
    """Bytes of a .csv/.tsv/.txt or .geojson/.json file -> Dataset, or DataInputError."""
    if not data:
        raise DataInputError(N_("The file is empty."), "dataset")
    lowered = name.lower()
    stripped = data.lstrip(codecs.BOM_UTF8).lstrip()
    if lowered.endswith((".geojson", ".json")) or stripped[:1] == b"{":
        dataset = read_geojson_bytes(data)
    else:
        dataset = read_csv_bytes(data)
    dataset.digest = hashlib.sha256(data).hexdigest()
    return dataset


_cache = OrderedDict()
_lock = threading.Lock()


def cached_dataset(data, name=""):
    """``parse_dataset`` remembered per content (the same file is read once per process)."""
    key = hashlib.sha256(data).hexdigest()
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    dataset = parse_dataset(data, name)
    with _lock:
        _cache[key] = dataset
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return dataset
