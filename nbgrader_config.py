"""nbgrader configuration for the Platform Engineering workbook.

The repository root is the course root: instructor notebooks in source/<assignment>/, student
versions in release/<assignment>/ (committed). Assignment ids: week-01 ... week-08, capstone.
"""
import os

c = get_config()  # noqa: F821 - provided by nbgrader

c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = "platform-workbook"

# Stubs learners see in place of solutions.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Grading: a time limit per cell (Execute.timeout wins over ExecutePreprocessor.timeout) and a cap
# on printed output, from the one set of limit defaults (graders.contract.Limits, which class
# grading also uses). Hidden checks are judged on the grader side (graders.compare): the learner's
# kernel only hands its results over; the expected values come from running source/
# (graders.reference).
from graders.contract import Limits, course_autograde_preprocessors  # noqa: E402

c.Execute.timeout = Limits().cell_timeout
c.Execute.interrupt_on_timeout = True
c.LimitOutput.max_lines = Limits().max_lines
c.Autograde.autograde_preprocessors = course_autograde_preprocessors()

# Feedback never shows hidden tests or the traceback lines that quote them.
c.GenerateFeedback.preprocessors = [
    "graders.feedback.HideHiddenTests",
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]
