"""The learner's view of the table: sort, filter by value or range, search, group, one page at a time.

The same query drives the JSON handler (the table in the page) and the page without JavaScript
(a form sent with GET), so both show the same rows.
"""
import math

import pandas as pd

from .errors import N_, DataInputError
from .spec import text_equals

PAGE_SIZES = (10, 25, 50, 100)
GROUP_AGGREGATES = ("count", "sum", "mean")
MAX_QUERY_TEXT = 200


def _text(raw, field):
    value = raw.get(field, "")
    if isinstance(value, list):
        value = value[0] if value else ""
    if not isinstance(value, str) or len(value) > MAX_QUERY_TEXT:
        raise DataInputError(N_("The table request is not valid."), field)
    return value.strip()


def _number(raw, field):
    text = _text(raw, field)
    if not text:
        return None
    try:
        value = float(text.replace(" ", "").replace(",", "."))
    except ValueError as exc:
        raise DataInputError(N_("Give the range as numbers, such as 1000 or 2,5."), field) from exc
    if not math.isfinite(value):
        raise DataInputError(N_("Give the range as numbers, such as 1000 or 2,5."), field)
    return value


def _column(dataset, raw, field):
    name = _text(raw, field)
    if name and name not in dataset.columns:
        raise DataInputError(N_("The column \"{column}\" is not in the file."), field, column=name[:80])
    return name


def _whole(raw, field, default, allowed=None):
    text = _text(raw, field)
    if not text:
        return default
    if not text.isdigit() or (allowed and int(text) not in allowed):
        raise DataInputError(N_("The table request is not valid."), field)
    return int(text)


def clean_query(dataset, raw):
    """A dict of query values (from JSON or a GET form) -> the checked query."""
    if not isinstance(raw, dict):
        raise DataInputError(N_("The table request is not valid."))
    query = {
        "sort": _text(raw, "sort"),
        "dir": "desc" if _text(raw, "dir") == "desc" else "asc",
        "column": _column(dataset, raw, "column"),
        "value": _text(raw, "value"),
        "min": _number(raw, "min"),
        "max": _number(raw, "max"),
        "q": _text(raw, "q"),
        "group": _column(dataset, raw, "group"),
        "agg": _text(raw, "agg") or "count",
        "agg_column": _column(dataset, raw, "agg_column"),
        "page": _whole(raw, "page", 1),
        "size": _whole(raw, "size", 25, PAGE_SIZES),
    }
    if query["agg"] not in GROUP_AGGREGATES:
        raise DataInputError(N_("Group by counting, summing or averaging."), "agg")
    if query["agg"] != "count" and query["group"]:
        if not query["agg_column"] or not dataset.is_numeric(query["agg_column"]):
            raise DataInputError(N_("Sum or average a column of numbers."), "agg_column")
    if (query["min"] is not None or query["max"] is not None) and not (
            query["column"] and dataset.is_numeric(query["column"])):
        raise DataInputError(N_("A range needs a column of numbers."), "column")
    return query


def search_index(dataset):
    """One lower-case text per row, made once per file, for the text search."""
    index = dataset.__dict__.get("_search")
    if index is None:
        frame = dataset.frame
        index = frame.astype(str).agg(" ".join, axis=1).str.casefold() if len(frame.columns) else pd.Series([])
        dataset.__dict__["_search"] = index
    return index


def filtered(dataset, query):
    frame = dataset.frame
    mask = pd.Series(True, index=frame.index)
    column = query["column"]
    if column and query["value"]:
        series = frame[column]
        if dataset.is_numeric(column):
            try:
                mask &= series == float(query["value"].replace(",", "."))
            except ValueError:
                mask &= False
        else:
            mask &= text_equals(series, query["value"])
    if column and query["min"] is not None:
        mask &= frame[column] >= query["min"]
    if column and query["max"] is not None:
        mask &= frame[column] <= query["max"]
    if query["q"]:
        mask &= search_index(dataset).str.contains(query["q"].casefold(), regex=False)
    return frame[mask]


def grouped(dataset, frame, query):
    group = query["group"]
    if query["agg"] == "count":
        result = frame.groupby(group, sort=False, dropna=False).size().rename("count").reset_index()
        numeric = {"count"}
    else:
        name = f"{query['agg']}({query['agg_column']})"
        result = frame.groupby(group, sort=False, dropna=False)[query["agg_column"]].agg(query["agg"])
        result = result.rename(name).reset_index()
        numeric = {name}
    if dataset.is_numeric(group):
        numeric.add(group)
    return result, numeric


def run_query(dataset, query):
    """{"columns", "numeric", "rows" (the page), "total", "page", "pages", "grouped"}."""
    frame = filtered(dataset, query)
    numeric = set(dataset.numeric)
    if query["group"]:
        frame, numeric = grouped(dataset, frame, query)
    sort = query["sort"]
    if sort and sort not in frame.columns:
        raise DataInputError(N_("The column \"{column}\" is not in the table."), "sort", column=sort[:80])
    if sort:
        frame = frame.sort_values(sort, ascending=query["dir"] == "asc", kind="stable", na_position="last")
    elif query["group"]:
        frame = frame.sort_values(frame.columns[0], kind="stable")
    total = len(frame)
    pages = max(1, math.ceil(total / query["size"]))
    page = min(max(query["page"], 1), pages)
    start = (page - 1) * query["size"]
    window = frame.iloc[start:start + query["size"]]
    return {"columns": list(frame.columns), "numeric": sorted(c for c in numeric if c in frame.columns),
            "rows": window.to_numpy().tolist(), "total": total, "page": page, "pages": pages,
            "grouped": bool(query["group"]), "start": start}


def format_cell(value, decimal_comma):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        text = f"{value:.0f}" if value.is_integer() else f"{value:.4f}".rstrip("0")
        return text.replace(".", ",") if decimal_comma else text
    return str(value)
