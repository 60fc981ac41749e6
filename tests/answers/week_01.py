"""Week 1: plausible mistakes, each tied to the checks it must fail."""

CORRECT_PATH = 'golden_path = {"service-template", "ci-cd-pipeline", "preview-envs", "dependency-bot"}'

WRONG = {
    # Mistakes that pass the visible checks: only hidden checks catch them.
    "wrong-subtle": ({
        # lead time left in minutes (forgot / 60)
        "ex-1-answer": '''def lead_time_hours(journey):
    return journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum().sum(axis=1)
''',
        # mean of the steps' ratios instead of the ratio of totals
        "ex-2-answer": '''def flow_efficiency(journey):
    ratio = journey["active_minutes"] / (journey["active_minutes"] + journey["waiting_minutes"])
    return ratio.groupby(journey["task_id"]).mean()
''',
        # ranks by waiting minutes per occurrence, ignoring how often the task happens
        "ex-3-answer": '''def friction_points(journey, tasks, n=10):
    out = journey.assign(friction_hours_per_month=journey["waiting_minutes"] / 60)
    return out.nlargest(n, "friction_hours_per_month")[["task_id", "step_no", "step", "friction_hours_per_month"]]
''',
        # counts tasks instead of weighting them by monthly occurrences
        "ex-4-answer": '''def automated_share(tasks, golden_path):
    common = tasks[tasks["monthly_occurrences"] >= FREQUENT_MIN_OCCURRENCES]
    return float(common["capability"].isin(golden_path).mean())
''',
        # every capability: reaches the target, but far from the cheapest
        "ex-5-answer": 'golden_path = set(capabilities["capability"])',
    }, {"ex-1-hidden", "ex-2-hidden", "ex-3-hidden", "ex-4-hidden", "ex-5-hidden"}),

    # Mistakes the visible checks already catch.
    "wrong-visible": ({
        # returns a DataFrame of two columns instead of one Series
        "ex-1-answer": '''def lead_time_hours(journey):
    return journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum() / 60
''',
        # a percentage instead of a fraction
        "ex-2-answer": '''def flow_efficiency(journey):
    t = journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum()
    return 100 * t["active_minutes"] / t.sum(axis=1)
''',
        # off by one: n - 1 rows
        "ex-3-answer": '''def friction_points(journey, tasks, n=10):
    m = journey.merge(tasks[["task_id", "monthly_occurrences"]], on="task_id")
    m["friction_hours_per_month"] = m["waiting_minutes"] * m["monthly_occurrences"] / 60
    return m.nlargest(n - 1, "friction_hours_per_month")[["task_id", "step_no", "step", "friction_hours_per_month"]]
''',
        # a percentage instead of a fraction
        "ex-4-answer": '''def automated_share(tasks, golden_path):
    common = tasks[tasks["monthly_occurrences"] >= FREQUENT_MIN_OCCURRENCES]
    return 100 * common.loc[common["capability"].isin(golden_path), "monthly_occurrences"].sum() / common["monthly_occurrences"].sum()
''',
        # forgot the template the brief requires
        "ex-5-answer": 'golden_path = {"ci-cd-pipeline", "preview-envs", "dependency-bot"}',
    }, {"ex-1-visible", "ex-1-hidden", "ex-2-visible", "ex-2-hidden", "ex-3-visible", "ex-3-hidden",
        "ex-4-visible", "ex-4-hidden", "ex-5-visible", "ex-5-hidden"}),

    # More subtle mistakes: rare tasks left in the denominator; a path just short of the target.
    "wrong-scope": ({
        "ex-4-answer": '''def automated_share(tasks, golden_path):
    covered = tasks["capability"].isin(golden_path)
    return float(tasks.loc[covered, "monthly_occurrences"].sum() / tasks["monthly_occurrences"].sum())
''',
        "ex-5-answer": 'golden_path = {"service-template", "ci-cd-pipeline", "preview-envs"}',
    }, {"ex-4-hidden", "ex-5-hidden"}),

    # --- Issue 9 findings: each fails on the notebook before the fix and passes after it.
    # "At least 20 a month" read as "more than 20": a task done exactly 20 times is left out.
    "issue9-frequent-boundary": ({
        "ex-4-answer": '''def automated_share(tasks, golden_path):
    frequent = tasks[tasks["monthly_occurrences"] > FREQUENT_MIN_OCCURRENCES]
    covered = frequent["capability"].isin(golden_path)
    return float(frequent.loc[covered, "monthly_occurrences"].sum() / frequent["monthly_occurrences"].sum())
''',
    }, {"ex-4-hidden"}),
    # Ties left in the order of the data (nlargest), not broken by task_id then step_no.
    "issue9-tie-order": ({
        "ex-3-answer": '''def friction_points(journey, tasks, n=10):
    m = journey.merge(tasks[["task_id", "monthly_occurrences"]], on="task_id")
    m["friction_hours_per_month"] = m["waiting_minutes"] * m["monthly_occurrences"] / 60
    return m.nlargest(n, "friction_hours_per_month")[["task_id", "step_no", "step", "friction_hours_per_month"]].reset_index(drop=True)
''',
    }, {"ex-3-hidden"}),

    # --- One exercise wrong at a time (the new Exercise 6), the reference everywhere else.
    "only-ex-6-all-waiting": ({
        # every wait of the task counts, hand-offs to other teams included
        "ex-6-answer": '''def feedback_wait_hours(journey, tasks):
    minutes = journey.groupby("task_id")["waiting_minutes"].sum().reindex(tasks["task_id"], fill_value=0)
    return minutes * tasks.set_index("task_id")["monthly_occurrences"] / 60
''',
    }, {"ex-6-hidden"}),
    "only-ex-6-per-occurrence": ({
        # hours per occurrence: the monthly volume is forgotten
        "ex-6-answer": '''def feedback_wait_hours(journey, tasks):
    loop = journey[(journey["actor"] == "developer") & journey["tool"].isin(FEEDBACK_TOOLS)]
    return loop.groupby("task_id")["waiting_minutes"].sum().reindex(tasks["task_id"], fill_value=0) / 60
''',
    }, {"ex-6-hidden"}),
    "only-ex-6-missing-tasks": ({
        # tasks without feedback-loop steps are dropped instead of 0
        "ex-6-answer": '''def feedback_wait_hours(journey, tasks):
    loop = journey[(journey["actor"] == "developer") & journey["tool"].isin(FEEDBACK_TOOLS)]
    m = loop.merge(tasks[["task_id", "monthly_occurrences"]], on="task_id")
    return (m["waiting_minutes"] * m["monthly_occurrences"] / 60).groupby(m["task_id"]).sum()
''',
    }, {"ex-6-visible", "ex-6-hidden"}),
    "only-ex-1": ({
        "ex-1-answer": '''def lead_time_hours(journey):
    return journey.groupby("task_id")[["active_minutes", "waiting_minutes"]].sum().sum(axis=1)
''',
    }, {"ex-1-hidden"}),
    "only-ex-2": ({
        "ex-2-answer": '''def flow_efficiency(journey):
    ratio = journey["active_minutes"] / (journey["active_minutes"] + journey["waiting_minutes"])
    return ratio.groupby(journey["task_id"]).mean()
''',
    }, {"ex-2-hidden"}),
}
