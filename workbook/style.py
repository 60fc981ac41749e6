"""One look for every figure in the course: a colour-blind-safe palette and readable defaults.

The palette is Okabe and Ito's (2008) eight colours, distinguishable with the common forms of
colour-vision deficiency; the course uses it in the same order in every week.
"""
from __future__ import annotations

import os

import matplotlib as mpl

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#000000"]
ACTIVE, WAITING, HIGHLIGHT = OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[3]


def use_course_style() -> None:
    """Apply the course palette and figure defaults (call once at the top of a notebook)."""
    mpl.rcParams.update({
        "axes.prop_cycle": mpl.cycler(color=OKABE_ITO),
        "figure.figsize": (8, 4.5),
        "figure.dpi": 90,
        "axes.titlesize": 12,
        "axes.labelsize": 11,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "legend.frameon": False,
    })


def interactive_enabled() -> bool:
    """False while nbgrader grades or validates: widgets are for people, not for the grader."""
    return os.environ.get("NBGRADER_EXECUTION") is None


def time_bars(ax, labels, active_hours, waiting_hours, *, title: str, xlabel: str, ylabel: str) -> None:
    """Stacked horizontal bars of active (blue) and waiting (orange) hours, one bar per label.

    The course's standard picture of a value stream: used wherever work splits into doing and
    waiting (developer journeys, onboarding, delivery).
    """
    ax.barh(labels, active_hours, color=ACTIVE, label="active")
    ax.barh(labels, waiting_hours, left=active_hours, color=WAITING, label="waiting")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="lower right")
