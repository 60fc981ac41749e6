"""Accessibility checks for the course's figures: titles, labelled axes with units, palette.

Authors can check a figure while writing a notebook::

    from workbook.figures import problems
    problems(fig)          # [] when the figure meets the course's rules

and the test suite (tests/content/test_accessibility.py) records every figure a notebook shows with
:func:`record` and checks them all. The rules:

* the figure has a title (an axes title or a ``suptitle``);
* every axes that shows its axis lines has an x and a y label;
* a numeric axis names its unit in parentheses or brackets, e.g. ``"lead time (hours)"``;
  a quantity without a unit says what it is: ``"(count)"``, ``"(fraction)"``, ``"(%)"``;
  category and date axes need no unit;
* data are drawn in the course palette (:data:`workbook.style.OKABE_ITO`, colour-blind safe) or
  in neutral greys.
"""
from __future__ import annotations

import re
from typing import Any

from matplotlib import category, dates
from matplotlib.axes import Axes
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure

from workbook.style import OKABE_ITO

__all__ = ["describe", "problems", "record", "recorded"]

UNIT = re.compile(r"[(\[][^)\]]+[)\]]")

_recorded: dict[int, dict[str, Any]] = {}
_original_print_figure = None


def _palette() -> set[tuple[float, float, float]]:
    """The course palette (workbook.style, its one definition) as rounded RGB triples."""
    return {tuple(round(v, 3) for v in to_rgba(c)[:3]) for c in OKABE_ITO}


def _axis_kind(axis) -> str:
    converter = axis.get_converter() if hasattr(axis, "get_converter") else axis.converter
    if isinstance(converter, category.StrCategoryConverter):
        return "category"
    date_converters = tuple(c for c in (getattr(dates, "DateConverter", None),
                                        getattr(dates, "_SwitchableDateConverter", None)) if c)
    if isinstance(converter, date_converters) or \
            isinstance(axis.get_major_formatter(), (dates.AutoDateFormatter, dates.DateFormatter,
                                                    dates.ConciseDateFormatter)):
        return "date"
    return "number"


def _data_colours(ax: Axes) -> list[tuple[float, ...]]:
    colours = []
    for line in ax.lines:
        colours.append(to_rgba(line.get_color()))
    for patch in ax.patches:
        if patch.get_visible() and patch.get_fill():
            colours.append(patch.get_facecolor())
    for coll in ax.collections:
        if coll.get_array() is None:  # colour-mapped collections use a colormap instead
            colours.extend(tuple(c) for c in coll.get_facecolors())
    return colours


def _is_neutral(rgba) -> bool:
    r, g, b = (round(v, 3) for v in rgba[:3])
    return abs(r - g) < 0.02 and abs(g - b) < 0.02  # black, white and greys


def describe(fig: Figure) -> dict[str, Any]:
    """What a checker needs to know about a figure, as plain data."""
    suptitle = fig._suptitle.get_text() if getattr(fig, "_suptitle", None) else ""
    axes = []
    palette = _palette()
    for ax in fig.get_axes():
        if not ax.get_visible():
            continue
        colorbar = getattr(ax, "_colorbar", None)
        off_palette = sorted({
            "#{:02x}{:02x}{:02x}".format(*(round(v * 255) for v in c[:3]))
            for c in _data_colours(ax)
            if c[3] > 0 and not _is_neutral(c) and tuple(round(v, 3) for v in c[:3]) not in palette})
        axes.append({
            "title": ax.get_title() or ax.get_title("left") or ax.get_title("right"),
            "axis_on": bool(ax.axison),
            "colorbar": colorbar is not None,
            "colorbar_label": (colorbar.ax.get_ylabel() or colorbar.ax.get_xlabel()) if colorbar else "",
            "xlabel": ax.get_xlabel(), "ylabel": ax.get_ylabel(),
            "xkind": _axis_kind(ax.xaxis), "ykind": _axis_kind(ax.yaxis),
            "x_visible": ax.xaxis.get_visible(), "y_visible": ax.yaxis.get_visible(),
            "off_palette": off_palette,
        })
    return {"suptitle": suptitle, "axes": axes}


def _label_problems(where: str, label: str, kind: str) -> list[str]:
    if not label.strip():
        return [f"{where} has no label"]
    if kind == "number" and not UNIT.search(label):
        return [f"{where} label {label!r} names no unit: add it in parentheses, e.g. '(hours)', "
                "or say what a unitless quantity is: '(count)', '(fraction)', '(%)'"]
    return []


def problems(fig_or_description) -> list[str]:
    """The course's accessibility rules that a figure breaks ([] when it meets them all)."""
    d = describe(fig_or_description) if isinstance(fig_or_description, Figure) else fig_or_description
    found = []
    plots = [a for a in d["axes"] if not a["colorbar"]]
    titles = [a["title"] for a in plots if a["title"].strip()]
    if not d["suptitle"].strip() and not titles:
        found.append("the figure has no title (ax.set_title or fig.suptitle)")
    for i, a in enumerate(d["axes"]):
        name = f"axes {i}" + (f" ({a['title']!r})" if a["title"] else "")
        if a["colorbar"]:
            if not a["colorbar_label"].strip():
                found.append(f"the colour bar of {name} has no label (cbar.set_label)")
            continue
        if not a["axis_on"]:
            continue
        if a["x_visible"]:
            found += _label_problems(f"{name}: x axis", a["xlabel"], a["xkind"])
        if a["y_visible"]:
            found += _label_problems(f"{name}: y axis", a["ylabel"], a["ykind"])
        if a["off_palette"]:
            found.append(f"{name} draws data in colours outside the course palette "
                         f"{a['off_palette']}: use workbook.style's colours")
    return found


def record() -> None:
    """From now on, remember every figure that is drawn (shown inline, or saved)."""
    global _original_print_figure
    if _original_print_figure is not None:
        return
    _original_print_figure = FigureCanvasBase.print_figure

    def print_figure(self, *args, **kwargs):
        _recorded[id(self.figure)] = describe(self.figure)
        return _original_print_figure(self, *args, **kwargs)

    FigureCanvasBase.print_figure = print_figure


def recorded() -> list[dict[str, Any]]:
    """Descriptions of the figures drawn since :func:`record`, in the order first drawn."""
    return list(_recorded.values())

