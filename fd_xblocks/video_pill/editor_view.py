"""The editor's checkpoint fieldsets and option rows as HTML, for the page and for the script's templates.

For the script's templates they are rendered with placeholders it replaces: ``__I__`` (the
checkpoint's index), ``__N__`` (its number), ``__J__`` and ``__M__`` (an option's index and number).
"""
from django.utils.safestring import mark_safe

from .rendering import render

KINDS = ("single", "multiple", "truefalse")


def option_html(cp_index, option, number, correct_type, t):
    return mark_safe(render("studio_option.html", {  # noqa: S308 (rendered by our autoescaping template)
        "cp": cp_index, "option": option, "correct_type": correct_type,
        "label": t["option"].format(number=number), "correct_label": t["option_correct"].format(number=number),
        "remove_label": t["remove_option"].format(number=number),
    }))


def checkpoint_html(row, number, t):
    index = row["index"]
    correct_type = "checkbox" if row["kind"] == "multiple" else "radio"
    options = [option_html(index, option, position, correct_type, t)
               for position, option in enumerate(row["options"], start=1)]
    labels = {"question": t["question"], "feedback_correct": t["feedback_correct"],
              "feedback_incorrect": t["feedback_incorrect"]}
    rich = [{"id": f"fdpe-cp{index}-{name}", "name": f"cp{index}_{name}", "label": label, "value": row[name],
             "html": row[f"{name}_format"] == "html"} for name, label in labels.items()]
    option_count = 1 + max((option["index"] for option in row["options"]), default=-1)
    return mark_safe(render("studio_checkpoint.html", {  # noqa: S308 (rendered by our autoescaping template)
        "t": t, "cp": row, "rich": rich, "options": options, "option_count": option_count,
        "legend": t["checkpoint"].format(number=number), "kinds": [(kind, t[kind]) for kind in KINDS],
        "add_option_label": t["add_option"].format(number=number),
        "remove_label": t["remove_checkpoint"].format(number=number),
    }))
