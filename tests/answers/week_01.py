"""Week 1: plausible mistakes, each tied to the checks it must fail.

MISTAKES holds one plausible wrong answer per entry, each confined to one exercise. Students are
grouped (one nbgrader student per group, as tests/answers/week_05.py explains) so that the round
trip stays short. Exercise 5's reference answer calls automated_share, so a student with a wrong
Exercise 4 answers Exercise 5 with a set of its own (CORRECT_PATH or a wrong one).
"""

CORRECT_PATH = 'golden_path = {"service-template", "ci-cd-pipeline", "preview-envs", "dependency-bot"}'

from answers import combine


def _one(ex: int, code: str, visible: bool = False) -> tuple[dict, set]:
    zeroed = {f"ex-{ex}-hidden"} | ({f"ex-{ex}-visible"} if visible else set())
    return {f"ex-{ex}-answer": code}, zeroed


MISTAKES = {
    # --- Exercise 1: lead time
    # lead time left in minutes (forgot / 60)
    "ex1-minutes": _one(1, '''def lead_time_hours(journey):
    return journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum().sum(axis=1)
'''),
    # a DataFrame of two columns instead of one Series
    "ex1-frame": _one(1, '''def lead_time_hours(journey):
    return journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum() / 60
''', visible=True),

    # --- Exercise 2: flow efficiency
    # the mean of the steps' ratios: passes the statement's examples (steps of equal length)
    "ex2-mean-of-ratios": _one(2, '''def flow_efficiency(journey):
    ratio = journey["active_minutes"] / (journey["active_minutes"] + journey["waiting_minutes"])
    return ratio.groupby(journey["task_id"]).mean()
'''),
    # a percentage instead of a fraction
    "ex2-percent": _one(2, '''def flow_efficiency(journey):
    t = journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum()
    return 100 * t["active_minutes"] / t.sum(axis=1)
''', visible=True),

    # --- Exercise 3: friction points
    # waiting per occurrence, ignoring how often the task happens
    "ex3-per-occurrence": _one(3, '''def friction_points(journey, tasks, n=10):
    out = journey.assign(friction_hours_per_month=journey["waiting_minutes"] / 60)
    out = out.sort_values(["friction_hours_per_month", "task_id", "step_no"], ascending=[False, True, True])
    return out.head(n)[["task_id", "step_no", "step", "friction_hours_per_month"]].reset_index(drop=True)
'''),
    # the step's whole lead time (work included) weighted by volume: work is not friction
    "ex3-lead-time": _one(3, '''def friction_points(journey, tasks, n=10):
    m = journey.merge(tasks[["task_id", "monthly_occurrences"]], on="task_id")
    m["friction_hours_per_month"] = (m["active_minutes"] + m["waiting_minutes"]) * m["monthly_occurrences"] / 60
    m = m.sort_values(["friction_hours_per_month", "task_id", "step_no"], ascending=[False, True, True])
    return m.head(n)[["task_id", "step_no", "step", "friction_hours_per_month"]].reset_index(drop=True)
'''),
    # ties left in the order of the data (nlargest), not broken by task_id then step_no
    "ex3-tie-order": _one(3, '''def friction_points(journey, tasks, n=10):
    m = journey.merge(tasks[["task_id", "monthly_occurrences"]], on="task_id")
    m["friction_hours_per_month"] = m["waiting_minutes"] * m["monthly_occurrences"] / 60
    return m.nlargest(n, "friction_hours_per_month")[["task_id", "step_no", "step", "friction_hours_per_month"]].reset_index(drop=True)
'''),
    # off by one: n - 1 rows
    "ex3-off-by-one": _one(3, '''def friction_points(journey, tasks, n=10):
    m = journey.merge(tasks[["task_id", "monthly_occurrences"]], on="task_id")
    m["friction_hours_per_month"] = m["waiting_minutes"] * m["monthly_occurrences"] / 60
    return m.nlargest(n - 1, "friction_hours_per_month")[["task_id", "step_no", "step", "friction_hours_per_month"]]
''', visible=True),

    # --- Exercise 4: automated share
    # counts tasks instead of weighting them by monthly occurrences
    "ex4-count-tasks": _one(4, '''def automated_share(tasks, golden_path):
    common = tasks[tasks["monthly_occurrences"] >= FREQUENT_MIN_OCCURRENCES]
    return float(common["capability"].isin(golden_path).mean())
'''),
    # "at least 20 a month" read as "more than 20": a task done exactly 20 times is left out
    "ex4-boundary": _one(4, '''def automated_share(tasks, golden_path):
    frequent = tasks[tasks["monthly_occurrences"] > FREQUENT_MIN_OCCURRENCES]
    covered = frequent["capability"].isin(golden_path)
    return float(frequent.loc[covered, "monthly_occurrences"].sum() / frequent["monthly_occurrences"].sum())
'''),
    # rare tasks left in both parts of the share
    "ex4-all-tasks": _one(4, '''def automated_share(tasks, golden_path):
    covered = tasks["capability"].isin(golden_path)
    return float(tasks.loc[covered, "monthly_occurrences"].sum() / tasks["monthly_occurrences"].sum())
'''),
    # a percentage instead of a fraction
    "ex4-percent": _one(4, '''def automated_share(tasks, golden_path):
    common = tasks[tasks["monthly_occurrences"] >= FREQUENT_MIN_OCCURRENCES]
    return 100 * common.loc[common["capability"].isin(golden_path), "monthly_occurrences"].sum() / common["monthly_occurrences"].sum()
''', visible=True),

    # --- Exercise 5: golden path
    # every capability: reaches the target, but far from the cheapest
    "ex5-everything": _one(5, 'golden_path = set(capabilities["capability"])'),
    # just short of the target
    "ex5-short": _one(5, 'golden_path = {"service-template", "ci-cd-pipeline", "preview-envs"}'),
    # forgot the template the brief requires
    "ex5-no-template": _one(5, 'golden_path = {"ci-cd-pipeline", "preview-envs", "dependency-bot"}', visible=True),
    "ex5-correct-path": ({"ex-5-answer": CORRECT_PATH}, set()),

    # --- Exercise 6: feedback-loop waits
    # every step with a build or deploy tool, whoever performs it: a hand-off to another team
    # running Jenkins counts as the developer's feedback loop (the week's data has none: only the
    # hidden data set, where other teams use those tools, tells them apart)
    "ex6-tool-only": _one(6, '''def feedback_wait_hours(journey, tasks):
    loop = journey[journey["tool"].isin(FEEDBACK_TOOLS)]
    minutes = loop.groupby("task_id")["waiting_minutes"].sum().reindex(tasks["task_id"], fill_value=0)
    return minutes * tasks.set_index("task_id")["monthly_occurrences"] / 60
'''),
    # every wait of the task counts, hand-offs to other teams included
    "ex6-all-waiting": _one(6, '''def feedback_wait_hours(journey, tasks):
    minutes = journey.groupby("task_id")["waiting_minutes"].sum().reindex(tasks["task_id"], fill_value=0)
    return minutes * tasks.set_index("task_id")["monthly_occurrences"] / 60
'''),
    # hours per occurrence: the monthly volume is forgotten
    "ex6-per-occurrence": _one(6, '''def feedback_wait_hours(journey, tasks):
    loop = journey[(journey["actor"] == "developer") & journey["tool"].isin(FEEDBACK_TOOLS)]
    return loop.groupby("task_id")["waiting_minutes"].sum().reindex(tasks["task_id"], fill_value=0) / 60
'''),
    # tasks without feedback-loop steps are dropped instead of 0
    "ex6-missing-tasks": _one(6, '''def feedback_wait_hours(journey, tasks):
    loop = journey[(journey["actor"] == "developer") & journey["tool"].isin(FEEDBACK_TOOLS)]
    m = loop.merge(tasks[["task_id", "monthly_occurrences"]], on="task_id")
    return (m["waiting_minutes"] * m["monthly_occurrences"] / 60).groupby(m["task_id"]).sum()
''', visible=True),
}


def _student(*names: str) -> tuple[dict, set]:
    return combine(MISTAKES, *names)


WRONG = {
    # mistakes that pass the visible checks (and the statement's examples): only hidden checks catch them
    "wrong-subtle": _student("ex1-minutes", "ex2-mean-of-ratios", "ex3-per-occurrence", "ex4-count-tasks",
                             "ex5-everything", "ex6-tool-only"),
    # the tempting readings of the rules: work counted as friction, rare tasks in the share, every wait a loop
    "wrong-scope": _student("ex3-lead-time", "ex4-all-tasks", "ex5-short", "ex6-all-waiting"),
    # boundaries and ties: exactly 20 a month, equal friction, the monthly volume
    "wrong-boundary": _student("ex3-tie-order", "ex4-boundary", "ex5-correct-path", "ex6-per-occurrence"),
    # mistakes of shape that the visible checks already catch
    "wrong-visible": _student("ex1-frame", "ex2-percent", "ex3-off-by-one", "ex4-percent", "ex5-no-template",
                              "ex6-missing-tasks"),
}
