"""Geometry of the results chart: a hand-built, accessible SVG of horizontal bars (0-100).

The template draws it; the same numbers are always shown in a data table next to it.
"""

WIDTH = 720
LABEL_WIDTH = 300
BAR_AREA = WIDTH - LABEL_WIDTH - 50
AREA_LABEL_MAX = 34
LABEL_MAX = 40
ROW = 26
AREA_ROW = 32
TOP = 24


def results_chart(results):
    """Rows for every area (bold) and its competences, with the first attempt's score when growing."""
    growth = results.get("growth") or {}
    comp_growth = growth.get("competences", {})
    area_growth = growth.get("areas", {})
    rows = []
    y = TOP
    for area in results["areas"]:
        rows.append(_row(area, y, True, area_growth.get(area["id"])))
        y += AREA_ROW
        for comp in area["competences"]:
            rows.append(_row(comp, y, False, comp_growth.get(comp["id"])))
            y += ROW
        y += 6
    ticks = [{"x": LABEL_WIDTH + BAR_AREA * v / 100, "value": v} for v in (0, 25, 50, 75, 100)]
    return {"width": WIDTH, "height": y + 10, "rows": rows, "ticks": ticks, "label_width": LABEL_WIDTH,
            "bar_area": BAR_AREA, "axis_bottom": y, "narrow": _narrow(rows)}


NARROW_WIDTH = 340
NARROW_BAR = NARROW_WIDTH - 50


def _narrow(rows):
    """The same bars for a phone: each label on its own line above its bar, text at full size."""
    out, y = [], 8
    for row in rows:
        y += 8 if row["is_area"] else 0
        score = max(0.0, min(100.0, float(row["score"])))
        width = round(NARROW_BAR * score / 100, 1)
        before = None if row["before"] is None else {
            "x": round(NARROW_BAR * (row["before"]["x"] - LABEL_WIDTH) / BAR_AREA, 1)}
        out.append({"label_y": y + 14, "y": y + 20, "bar_width": width, "value_x": width + 6,
                    "label": row["full_label"], "is_area": row["is_area"], "score": row["score"],
                    "level4": row["level4"], "before": before})
        y += 40
    return {"width": NARROW_WIDTH, "height": y + 4, "rows": out}


def _row(entry, y, is_area, delta):
    score = max(0.0, min(100.0, float(entry["score"])))
    before = None
    if delta is not None:
        before_score = max(0.0, min(100.0, score - float(delta)))
        before = {"x": LABEL_WIDTH + BAR_AREA * before_score / 100, "score": round(before_score, 1)}
    label = f"{entry['id']}. {entry['title']}" if is_area else f"{entry['id']} {entry['title']}"
    limit = AREA_LABEL_MAX if is_area else LABEL_MAX
    return {
        "y": y, "is_area": is_area, "label": label if len(label) <= limit else label[:limit - 1] + "…",
        "full_label": label, "score": entry["score"], "level4": entry["level4"],
        "level4_name": entry["level4_name"], "bar_x": LABEL_WIDTH,
        "bar_width": round(BAR_AREA * score / 100, 1), "bar_height": 20 if is_area else 14,
        "value_x": LABEL_WIDTH + round(BAR_AREA * score / 100, 1) + 6, "before": before,
    }


DIST_LABEL_WIDTH = 300
DIST_BAR = 360
DIST_ROW = 24


def distribution_chart(rows):
    """100% stacked bars of the 4 levels for the overall and area rows of the staff statistics.

    Rows with a suppressed cell are left out of the chart (the table says "<5" for them)."""
    bars = []
    y = 28
    for row in rows:
        if row["dimension"] != "all" and not row["dimension"].startswith("a"):
            continue
        if row["count"] is None or None in row["levels4"] or not sum(row["levels4"]):
            continue
        total = sum(row["levels4"])
        segments, x = [], DIST_LABEL_WIDTH
        for level, count in enumerate(row["levels4"], start=1):
            width = round(DIST_BAR * count / total, 1)
            segments.append({"level": level, "x": x, "width": width, "count": count,
                             "percent": round(100 * count / total)})
            x += width
        bars.append({"y": y, "row": row, "segments": segments})
        y += DIST_ROW
    legend = [{"level": level, "x": 10 + (level - 1) * 165} for level in range(1, 5)]
    return {"width": DIST_LABEL_WIDTH + DIST_BAR + 20, "height": y + 10, "bars": bars, "legend": legend,
            "label_x": DIST_LABEL_WIDTH - 8}
