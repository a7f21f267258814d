"""The answer specification: declarative data (never code or SQL) evaluated with pandas.

A specification is a JSON object::

    {"filters": [{"column": "provincia", "op": "eq", "param": "provincia"},
                 {"column": "totale", "op": "ge", "value": 10000}],
     "operation": "count" | "sum" | "mean" | "min" | "max" | "argmax" | "argmin",
     "column": "totale",            # the column summed, averaged, ... (not for count)
     "answer_column": "comune",     # argmax/argmin: the column whose value is the answer
     "tolerance": 0.5, "relative_tolerance": 0.01, "decimals": 1}

Filters are combined with AND; each compares a column with a value the author typed or with the
learner's parameter. Every comparison is a pandas boolean mask built from typed values: no text
is ever evaluated (no ``DataFrame.query``/``eval``, no SQL).
"""
import math
import numbers

from .errors import N_, DataInputError

OPERATIONS = ("count", "sum", "mean", "min", "max", "argmax", "argmin")
NUMERIC_OPERATIONS = ("sum", "mean", "min", "max", "argmax", "argmin")
COMPARISONS = ("eq", "ne", "lt", "le", "gt", "ge", "between", "contains", "in")
ORDER_COMPARISONS = ("lt", "le", "gt", "ge", "between")
MAX_FILTERS = 10
MAX_TEXT = 200
SYMBOLS = {"eq": "=", "ne": "≠", "lt": "<", "le": "≤", "gt": ">", "ge": "≥"}


def _is_number(value):
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def _column(raw, dataset, field):
    if not isinstance(raw, str) or raw not in dataset.columns:
        raise DataInputError(N_("The column \"{column}\" is not in the file."), field, column=str(raw)[:80])
    return raw


def _value(raw, numeric, field):
    if numeric:
        if not _is_number(raw):
            raise DataInputError(N_("This column holds numbers: compare it with a number."), field)
        return float(raw)
    if _is_number(raw):
        raw = f"{raw:g}"
    if not isinstance(raw, str) or len(raw) > MAX_TEXT:
        raise DataInputError(N_("Compare a text column with a text (at most 200 characters)."), field)
    return raw


def clean_filter(raw, dataset, parameter_name, index):
    field = f"filters.{index}"
    if not isinstance(raw, dict):
        raise DataInputError(N_("Each filter needs a column, a comparison and a value."), field)
    column = _column(raw.get("column"), dataset, field)
    op = raw.get("op")
    if op not in COMPARISONS:
        raise DataInputError(N_("Unknown comparison: use one of {ops}."), field, ops=", ".join(COMPARISONS))
    numeric = dataset.is_numeric(column)
    if op in ORDER_COMPARISONS and not numeric:
        raise DataInputError(N_("The column \"{column}\" holds text: it cannot be compared with < or >."),
                             field, column=column)
    cleaned = {"column": column, "op": op}
    if "param" in raw:
        if raw["param"] != parameter_name or not parameter_name or op not in ("eq", "ne", "contains"):
            raise DataInputError(N_("A filter may use only the exercise's parameter, with = or ≠."), field)
        cleaned["param"] = parameter_name
        return cleaned
    if op == "between":
        cleaned["value"] = _value(raw.get("value"), True, field)
        cleaned["value2"] = _value(raw.get("value2"), True, field)
    elif op == "in":
        values = raw.get("value")
        if not isinstance(values, list) or not 0 < len(values) <= 50:
            raise DataInputError(N_("\"One of\" needs a list of 1 to 50 values."), field)
        cleaned["value"] = [_value(v, numeric, field) for v in values]
    elif op == "contains":
        cleaned["value"] = _value(raw.get("value"), False, field)
    else:
        cleaned["value"] = _value(raw.get("value"), numeric, field)
    return cleaned


def _tolerance(raw, name, field):
    value = raw.get(name, 0)
    if not _is_number(value) or value < 0:
        raise DataInputError(N_("The tolerance must be a number of 0 or more."), field)
    return float(value)


def clean_spec(raw, dataset, parameter_name=""):
    """Check a specification against the file's columns and types; return it normalised."""
    if not isinstance(raw, dict):
        raise DataInputError(N_("The answer specification must be a JSON object."), "spec")
    filters = raw.get("filters", [])
    if not isinstance(filters, list) or len(filters) > MAX_FILTERS:
        raise DataInputError(N_("Filters must be a list of at most 10 conditions."), "spec.filters")
    operation = raw.get("operation")
    if operation not in OPERATIONS:
        raise DataInputError(N_("Choose what to compute: {ops}."), "spec.operation", ops=", ".join(OPERATIONS))
    spec = {"filters": [clean_filter(f, dataset, parameter_name, i) for i, f in enumerate(filters)],
            "operation": operation}
    if operation in NUMERIC_OPERATIONS:
        column = _column(raw.get("column"), dataset, "spec.column")
        if not dataset.is_numeric(column):
            raise DataInputError(N_("The column \"{column}\" holds text: it cannot be summed, averaged or "
                                    "compared."), "spec.column", column=column)
        spec["column"] = column
    if operation in ("argmax", "argmin"):
        spec["answer_column"] = _column(raw.get("answer_column"), dataset, "spec.answer_column")
    spec["tolerance"] = _tolerance(raw, "tolerance", "spec.tolerance")
    spec["relative_tolerance"] = _tolerance(raw, "relative_tolerance", "spec.relative_tolerance")
    decimals = raw.get("decimals", 2)
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 6:
        raise DataInputError(N_("Decimals must be a whole number from 0 to 6."), "spec.decimals")
    spec["decimals"] = decimals
    return spec


def normalise_text(value):
    return " ".join(str(value).casefold().split())


def text_equals(series, value):
    """Rows whose text equals ``value`` ignoring case and spaces, judged on the distinct values only."""
    target = normalise_text(value)
    matching = [item for item in series.unique() if normalise_text(item) == target]
    return series.isin(matching)


def _mask(dataset, condition, params):
    series = dataset.frame[condition["column"]]
    op = condition["op"]
    value = params.get(condition["param"], "") if "param" in condition else condition.get("value")
    if op == "contains":
        return series.astype(str).str.casefold().str.contains(normalise_text(value), regex=False)
    if op == "in":
        return series.isin(value)
    if op == "between":
        low, high = sorted((condition["value"], condition["value2"]))
        return (series >= low) & (series <= high)
    if op in ("eq", "ne") and not dataset.is_numeric(condition["column"]):
        equal = text_equals(series, value)
        return equal if op == "eq" else ~equal
    comparisons = {"eq": series.__eq__, "ne": series.__ne__, "lt": series.__lt__, "le": series.__le__,
                   "gt": series.__gt__, "ge": series.__ge__}
    return comparisons[op](value)


def matching_rows(dataset, filters, params):
    frame = dataset.frame
    mask = None
    for condition in filters:
        current = _mask(dataset, condition, params).fillna(False).astype(bool)
        mask = current if mask is None else mask & current
    return frame if mask is None else frame[mask]


def evaluate(dataset, spec, params=None):
    """The expected answer: {"kind": "number"|"text", "value", "rows"}; raises DataInputError if none."""
    rows = matching_rows(dataset, spec["filters"], params or {})
    operation = spec["operation"]
    if operation == "count":
        return {"kind": "number", "value": float(len(rows)), "rows": len(rows)}
    values = rows[spec["column"]].dropna()
    if values.empty:
        raise DataInputError(N_("No row matches the filters, so there is no answer to compute."), "spec")
    if operation in ("argmax", "argmin"):
        index = values.idxmax() if operation == "argmax" else values.idxmin()
        return {"kind": "text", "value": str(rows.loc[index, spec["answer_column"]]), "rows": len(rows)}
    result = {"sum": values.sum, "mean": values.mean, "min": values.min, "max": values.max}[operation]()
    return {"kind": "number", "value": float(result), "rows": len(rows)}


def describe_filters(spec, params, gettext):
    """The filter that gives the answer, in words (shown as feedback)."""
    parts = []
    for condition in spec["filters"]:
        value = params.get(condition["param"], "") if "param" in condition else condition.get("value")
        op = condition["op"]
        if op == "between":
            parts.append(gettext("{column} between {low:g} and {high:g}").format(
                column=condition["column"], low=condition["value"], high=condition["value2"]))
        elif op == "contains":
            parts.append(gettext("{column} contains \"{value}\"").format(column=condition["column"], value=value))
        elif op == "in":
            parts.append(gettext("{column} is one of {values}").format(
                column=condition["column"], values=", ".join(f"{v:g}" if _is_number(v) else str(v) for v in value)))
        else:
            shown = f"{value:g}" if _is_number(value) else f"\"{value}\""
            parts.append(f"{condition['column']} {SYMBOLS[op]} {shown}")
    return parts
