"""Feedback that never shows hidden tests.

nbgrader's ``generate_feedback`` renders the autograded notebook as it is: test cells still hold
their hidden tests, and tracebacks quote the failing lines. This preprocessor, set in
nbgrader_config.py, runs before the HTML is written and

- removes every ``### BEGIN HIDDEN TESTS`` ... ``### END HIDDEN TESTS`` region from test cells
  (nbgrader's own ClearHiddenTests logic), and
- replaces each error's traceback with its last line (``CheckFailed: <teaching message>``),
  so no source line of a hidden check can appear.
"""
from __future__ import annotations

from nbgrader.preprocessors import ClearHiddenTests
from nbgrader.utils import is_grade, is_solution


class HideHiddenTests(ClearHiddenTests):
    """Feedback preprocessor: strip hidden tests and traceback source lines."""

    def preprocess_cell(self, cell, resources, cell_index):
        if cell.cell_type == "code" and is_grade(cell) and not is_solution(cell):
            self._remove_hidden_test_region(cell)
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        return cell, resources

    def preprocess(self, nb, resources):
        # ClearHiddenTests.preprocess would also enforce metadata; only the cell pass is wanted.
        for index, cell in enumerate(nb.cells):
            nb.cells[index], resources = self.preprocess_cell(cell, resources, index)
        return nb, resources
