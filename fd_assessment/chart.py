"""Geometry of the results chart: a hand-built, accessible SVG of horizontal bars (0-100).

The template draws it; the same numbers are always shown in a data table next to it.
"""

WIDTH = 640
LABEL_WIDTH = 260
BAR_AREA = WIDTH - LABEL_WIDTH - 60
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
            "bar_area": BAR_AREA, "axis_bottom": y}


def _row(entry, y, is_area, delta):
    score = max(0.0, min(100.0, float(entry["score"])))
    before = None
    if delta is not None:
        before_score = max(0.0, min(100.0, score - float(delta)))
        before = {"x": LABEL_WIDTH + BAR_AREA * before_score / 100, "score": round(before_score, 1)}
    label = entry["title"] if is_area else f"{entry['id']} {entry['title']}"
    return {
        "y": y, "is_area": is_area, "label": label if len(label) <= 38 else label[:37] + "…",
        "full_label": label, "score": entry["score"], "level4": entry["level4"],
        "level4_name": entry["level4_name"], "bar_x": LABEL_WIDTH,
        "bar_width": round(BAR_AREA * score / 100, 1), "bar_height": 20 if is_area else 14,
        "value_x": LABEL_WIDTH + round(BAR_AREA * score / 100, 1) + 6, "before": before,
    }
