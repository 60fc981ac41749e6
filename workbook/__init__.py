"""Helpers for the Platform Engineering workbook: finding and loading the course data, and one
figure style. Learners import from here; grading helpers live in the separate ``graders`` package."""
from .data import DataFileError, data_dir, data_path, load
from .style import interactive_enabled, use_course_style

__all__ = ["DataFileError", "data_dir", "data_path", "load", "interactive_enabled", "use_course_style"]
