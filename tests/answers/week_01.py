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
    common = tasks[tasks["monthly_occurrences"] >= COMMON_MIN_OCCURRENCES]
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
    common = tasks[tasks["monthly_occurrences"] >= COMMON_MIN_OCCURRENCES]
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
}
