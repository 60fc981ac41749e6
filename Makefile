# Platform Engineering Workbook - task runner.
#   make lab      install everything and open the course in JupyterLab (learner set-up)
#   make test     install everything and run the whole test suite (what CI runs)
#   make test-fast the quick lane for the edit-test loop (under a minute; no browser, no nbgrader)
# Other targets: install, data, notebooks, release, bench, grade, bench-grading, clean (see README.md).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
export PATH := $(abspath $(BIN)):$(PATH)
ASSIGNMENTS := $(sort $(notdir $(wildcard authoring/week-* authoring/capstone)))
ASSIGNMENTS := $(basename $(ASSIGNMENTS))

.PHONY: lab test test-fast install data notebooks release bench bench-grading grade clean learner-repo hub

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate environment.yml pyproject.toml tools/pins.py workbook/js/package-lock.json
	$(PYTHON) tools/pins.py --check
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m workbook.node npm ci --prefix workbook/js --no-audit --no-fund --loglevel=error
	touch $@

# promtool (Week 6's alerting exercise) from Debian's prometheus package; without root it says how.
install: $(VENV)/.installed
	bash tools/install_promtool.sh --optional

# JupyterLab rooted at the course, opening the start page (tools/lab.sh; the browser test starts
# JupyterLab through this same command, read from `make -n lab`).
lab: install
	PYTHON=$(PY) bash tools/learner_setup.sh
	PYTHON=$(PY) bash tools/lab.sh

# nbval runs every instructor notebook and every page in notebooks/; tests/ holds the rest.
# --dist loadfile keeps each notebook's cells on one worker (they share one kernel).
test: install
	bash tools/install_browser.sh
	bash tools/install_sandbox.sh
	bash tools/install_promtool.sh
	$(PY) -m pytest -n 2 --dist loadfile --nbval-lax source notebooks tests

# The quick lane: unit, data and the content checks that neither execute a notebook nor call
# nbgrader (tests marked slow). No browser, no nbgrader round trip; under 60 s on 2 cores
# (about 50 s of CPU in one process: two workers, each file's tests on one of them).
FAST := not (pipeline or browser or hub or slow)
test-fast: install
	$(PY) -m pytest -q -n 2 --dist loadfile -m "$(FAST)" tests

# Regenerate the committed scale-1 datasets (deterministic: same seed, same bytes).
data: install
	$(PY) -m datagen

# Text form (authoring/*.py, jupytext percent format) -> instructor notebooks in source/.
notebooks: install
	$(PY) -m tools.authoring build

# Instructor notebooks -> student notebooks in release/ (real nbgrader).
release: notebooks
	$(PY) -m tools.authoring release

bench: install
	$(PY) -m tools.bench

# Class-scale grading (docs/grading.md): make grade A=week-01
grade: install
	bash tools/install_sandbox.sh
	$(PY) -m graders.classgrade $(A) && $(PY) -m graders.lms_export --to grades-lms.csv

# Serial nbgrader autograde vs graders.classgrade on 40 submissions (not a test).
bench-grading: install
	bash tools/install_sandbox.sh
	$(PY) -m tools.bench_grading --students 40

# The learners' repository (no source/, answers or instructor tools): make learner-repo OUT=dir [REPO=owner/name]
learner-repo:
	@test -n "$(OUT)" || { echo "usage: make learner-repo OUT=dir [REPO=owner/name]" >&2; exit 2; }
	$(PYTHON) tools/learner_repo.py --out "$(OUT)" $(if $(REPO),--repo "$(REPO)")

# The course hub on this machine, for a demo class (docs/hub.md); as root. Ctrl-C stops it;
# `$(PY) -m hub.demo teardown --state $(HUB_STATE)` removes the demo accounts and state.
HUB_STATE ?= /srv/platform-workbook-hub
HUB_PORT  ?= 8000
LEARNERS  ?= 3
hub: install
	bash hub/install.sh
	$(PY) -m hub.demo setup --state $(HUB_STATE) --learners $(LEARNERS)
	$(PY) -m hub.demo run --state $(HUB_STATE) --port $(HUB_PORT)

# Everything a grading run (and the test suite) writes in the course root, as in .gitignore:
# student work, grades, logs, caches. Committed files (release/, data/) are never touched.
GRADING_OUTPUTS := gradebook.db gradebook.db-journal submitted autograded feedback exchange downloaded \
	solution source_with_tests classgrade .grading-cache grades.csv grades-lms.csv *-import.csv *.report.csv \
	test-results
clean:
	rm -rf $(GRADING_OUTPUTS)
