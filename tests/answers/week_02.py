"""Week 2: plausible mistakes, each tied to the checks it must fail.

Exercises 2 and 3 may reuse milestone_hours (Exercise 1). A student whose Exercise 1 is wrong but
whose later answers should pass would need later answers that do not call it; here every student
that breaks Exercise 1 also breaks Exercises 2 and 3, and their answers compute the hours
themselves so that each shows one mistake only.
"""

# Exercise 7's reference, with slots for one mistake at a time.
SVC = '''def svc(argv, root):
    parser = argparse.ArgumentParser(prog="svc", description="Create a new service.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("teams", help="list the teams")
    create = sub.add_parser("create", help="create a new service folder")
    create.add_argument("name")
    create.add_argument("--owner", required=True)
    create.add_argument("--language", choices=["python", "go", "java"], default=DEFAULT_LANGUAGE)
    args = parser.parse_args(argv)
    if args.command is None:
        print("usage: svc {create,teams} ... (see svc --help)", file=sys.stderr)
        return 2
    if args.command == "teams":
        print("\\n".join(TEAMS))
        return 0
    if not re.fullmatch(SERVICE_NAME, args.name) or len(args.name) > 40:
        print(f"svc: error: invalid name {args.name!r}: lower-case letters, digits, single '-', at most 40 characters",
              file=ERR)
        return BAD_NAME_CODE
    if args.owner not in TEAMS:
        print(f"svc: error: unknown team {args.owner!r}: run 'svc teams' to list the teams", file=ERR)
        return 2
    folder = root / args.name
    if folder.exists():
        print(f"svc: error: {folder} already exists", file=sys.stderr)
        return 1
    folder.mkdir(parents=True)
    (folder / "README.md").write_text(f"# {args.name}\\n")
    (folder / "service.yaml").write_text(yaml.safe_dump({"name": args.name, "owner": args.owner, "language": args.language}))
    print(f"created {folder}")
    return 0
'''
def svc(default_language='"python"', bad_name_code="2", err="sys.stderr"):
    return SVC.replace("DEFAULT_LANGUAGE", default_language).replace("BAD_NAME_CODE", bad_name_code).replace("ERR", err)


HOURS = '''    start = journeys["start_date"].dt.tz_localize("UTC")
    hours = journeys[MILESTONES].sub(start, axis=0) / pd.Timedelta(hours=1)
'''

WRONG = {
    # Mistakes that pass the visible checks: only hidden checks catch them.
    "wrong-subtle": ({
        # days instead of hours
        "ex-1-answer": '''def milestone_hours(journeys):
    start = journeys["start_date"].dt.tz_localize("UTC")
    return (journeys[MILESTONES].sub(start, axis=0) / pd.Timedelta(days=1)).set_index(journeys["developer_id"])
''',
        # mean instead of median: pulled by the slow tail
        "ex-2-answer": '''def before_after(journeys, launch):
''' + HOURS + '''    cohort = np.where(journeys["start_date"] >= launch, "after", "before")
    return hours.groupby(cohort).mean().T[["before", "after"]]
''',
        # difference of the milestones' medians instead of the median of each hire's stage
        "ex-3-answer": '''def stage_medians(journeys):
''' + HOURS + '''    medians = hours.median()
    return medians.diff().fillna(medians)
''',
        # leaves the tickets of the category 'other' out of the denominator
        "ex-4-answer": '''def self_service_share(tickets):
    covered = tickets[tickets["category"] != "other"]
    return float((covered["answered_by_doc"].notna() & ~covered["needs_human"]).mean())
''',
        # term frequency only: no idf, so words on every page count as much as rare ones
        "ex-5-answer": '''def tfidf_search(query, docs, k=3):
    slugs = docs["path"].str.removesuffix(".md")
    terms = docs["body"].str.lower().str.findall(r"[a-z0-9]+").explode().dropna()
    tf = pd.crosstab(terms.to_numpy(), slugs.loc[terms.index].to_numpy())
    wanted = [t for t in dict.fromkeys(re.findall(r"[a-z0-9]+", query.lower())) if t in tf.index]
    scores = tf.loc[wanted].sum(axis=0).reindex(slugs, fill_value=0)
    return list(scores.sort_index().sort_values(ascending=False, kind="stable").index[:k])
''',
        # ignores k: any result in the whole list counts
        "ex-6-answer": '''def hit_rate_at_k(results, questions, k=3):
    ranked = pd.Series(results, dtype=object).explode().dropna()
    answers = questions.set_index("question_id")["answer_pages"].str.split(";").explode()
    top = ranked.rename("page").rename_axis("question_id").reset_index()
    wanted = answers.rename("page").rename_axis("question_id").reset_index()
    hits = top.merge(wanted, on=["question_id", "page"])["question_id"]
    return float(questions["question_id"].isin(hits).mean())
''',
        # exit code 1 for an invalid name: a script cannot tell bad input from a failed action
        "ex-7-answer": svc(bad_name_code="1"),
    }, {"ex-1-hidden", "ex-2-hidden", "ex-3-hidden", "ex-4-hidden", "ex-5-hidden", "ex-6-hidden", "ex-7-hidden"}),

    # Mistakes the visible checks already catch.
    "wrong-visible": ({
        # forgot the index: rows numbered 0..n-1 instead of developer_id
        "ex-1-answer": '''def milestone_hours(journeys):
    start = journeys["start_date"].dt.tz_localize("UTC")
    return journeys[MILESTONES].sub(start, axis=0) / pd.Timedelta(hours=1)
''',
        # forgot to transpose: one row per cohort, one column per milestone
        "ex-2-answer": '''def before_after(journeys, launch):
''' + HOURS + '''    cohort = np.where(journeys["start_date"] >= launch, "after", "before")
    return hours.groupby(cohort).median()
''',
        # off by one: the first stage (start of day one to laptop ready) is dropped
        "ex-3-answer": '''def stage_medians(journeys):
''' + HOURS + '''    return hours.diff(axis=1).iloc[:, 1:].median()
''',
        # compares with an empty string: NaN != "" is True, so every ticket looks covered
        "ex-4-answer": '''def self_service_share(tickets):
    return float((tickets["answered_by_doc"] != "").mean())
''',
        # file names instead of slugs
        "ex-5-answer": '''def tfidf_search(query, docs, k=3):
    terms = docs["body"].str.lower().str.findall(r"[a-z0-9]+").explode().dropna()
    tf = pd.crosstab(terms.to_numpy(), docs["path"].loc[terms.index].to_numpy())
    idf = np.log(len(docs) / (tf > 0).sum(axis=1))
    wanted = [t for t in dict.fromkeys(re.findall(r"[a-z0-9]+", query.lower())) if t in tf.index]
    scores = tf.loc[wanted].mul(idf[wanted], axis=0).sum(axis=0)
    return list(scores.sort_values(ascending=False).index[:k])
''',
        # a percentage instead of a fraction
        "ex-6-answer": '''def hit_rate_at_k(results, questions, k=3):
    ranked = pd.Series(results, dtype=object).explode().dropna()
    ranked = ranked[ranked.groupby(level=0).cumcount() < k]
    answers = questions.set_index("question_id")["answer_pages"].str.split(";").explode()
    top = ranked.rename("page").rename_axis("question_id").reset_index()
    wanted = answers.rename("page").rename_axis("question_id").reset_index()
    hits = top.merge(wanted, on=["question_id", "page"])["question_id"]
    return 100 * float(questions["question_id"].isin(hits).mean())
''',
        # errors printed to standard output: a script piping the output gets the error as data
        "ex-7-answer": svc(err="sys.stdout"),
    }, {"ex-1-visible", "ex-1-hidden", "ex-2-visible", "ex-2-hidden", "ex-3-visible", "ex-3-hidden",
        "ex-4-visible", "ex-4-hidden", "ex-5-visible", "ex-5-hidden", "ex-6-visible", "ex-6-hidden",
        "ex-7-visible", "ex-7-hidden"}),

    # Boundary and parsing slips: the launch day, punctuation, questions with two answer pages.
    "wrong-scope": ({
        # a hire who starts on the launch day is counted 'before'
        "ex-2-answer": '''def before_after(journeys, launch):
    hours = milestone_hours(journeys)
    cohort = np.where(journeys["start_date"] > launch, "after", "before")
    return hours.groupby(cohort).median().T[["before", "after"]]
''',
        # splits on spaces: "database?" and "database" are different terms
        "ex-5-answer": '''def tfidf_search(query, docs, k=3):
    slugs = docs["path"].str.removesuffix(".md")
    terms = docs["body"].str.lower().str.split().explode().dropna()
    tf = pd.crosstab(terms.to_numpy(), slugs.loc[terms.index].to_numpy())
    idf = np.log(len(docs) / (tf > 0).sum(axis=1))
    wanted = [t for t in dict.fromkeys(query.lower().split()) if t in tf.index]
    scores = tf.loc[wanted].mul(idf[wanted], axis=0).sum(axis=0).reindex(slugs, fill_value=0)
    return list(scores.sort_index().sort_values(ascending=False, kind="stable").index[:k])
''',
        # compares with the whole answer_pages string: questions with two answer pages never hit
        # (the visible check already shows it: right first results do not give 1.0)
        "ex-6-answer": '''def hit_rate_at_k(results, questions, k=3):
    ranked = pd.Series(results, dtype=object).explode().dropna()
    ranked = ranked[ranked.groupby(level=0).cumcount() < k]
    top = ranked.rename("page").rename_axis("question_id").reset_index()
    wanted = questions.rename(columns={"answer_pages": "page"})[["question_id", "page"]]
    hits = top.merge(wanted, on=["question_id", "page"])["question_id"]
    return float(questions["question_id"].isin(hits).mean())
''',
    }, {"ex-2-hidden", "ex-5-hidden", "ex-6-visible", "ex-6-hidden"}),

    # --- Issue 9 findings: each fails on the notebook before the fix and passes after it.
    # The share of tickets a page covers, as the old notebook graded it: tickets that need a
    # person whatever the docs say (an approval, a flaky test) are counted as self-service.
    "issue9-docs-only-share": ({
        "ex-4-answer": '''def self_service_share(tickets):
    return float(tickets["answered_by_doc"].notna().mean())
''',
    }, {"ex-4-hidden"}),
    # A query term repeated in the query counts twice ("distinct terms" never tested before).
    "issue9-repeated-query-terms": ({
        "ex-5-answer": '''def tfidf_search(query, docs, k=3):
    slugs = docs["path"].str.removesuffix(".md")
    terms = docs["body"].str.lower().str.findall(r"[a-z0-9]+").explode().dropna()
    tf = pd.crosstab(terms.to_numpy(), slugs.loc[terms.index].to_numpy())
    idf = np.log(len(docs) / (tf > 0).sum(axis=1))
    wanted = [t for t in re.findall(r"[a-z0-9]+", query.lower()) if t in tf.index]
    scores = tf.loc[wanted].mul(idf[wanted], axis=0).sum(axis=0).reindex(slugs, fill_value=0)
    return list(scores.sort_index().sort_values(ascending=False, kind="stable").index[:k])
''',
    }, {"ex-5-hidden"}),

    # --- One exercise wrong at a time, the reference everywhere else. Exercises 2 and 3 call
    # milestone_hours, so a wrong Exercise 1 loses their hidden points too.
    "only-ex-1": ({
        "ex-1-answer": '''def milestone_hours(journeys):
    start = journeys["start_date"].dt.tz_localize("UTC")
    return (journeys[MILESTONES].sub(start, axis=0) / pd.Timedelta(days=1)).set_index(journeys["developer_id"])
''',
    }, {"ex-1-hidden", "ex-2-hidden", "ex-3-hidden"}),
    "only-ex-2": ({
        # a hire who starts on the launch day is counted 'before'
        "ex-2-answer": '''def before_after(journeys, launch):
    hours = milestone_hours(journeys)
    cohort = np.where(journeys["start_date"] > launch, "after", "before")
    return hours.groupby(cohort).median().T[["before", "after"]]
''',
    }, {"ex-2-hidden"}),
    "only-ex-3": ({
        # difference of the milestones' medians
        "ex-3-answer": '''def stage_medians(journeys):
    medians = milestone_hours(journeys).median()
    return medians.diff().fillna(medians)
''',
    }, {"ex-3-hidden"}),
    "only-ex-6": ({
        # ignores k
        "ex-6-answer": '''def hit_rate_at_k(results, questions, k=3):
    ranked = pd.Series(results, dtype=object).explode().dropna()
    answers = questions.set_index("question_id")["answer_pages"].str.split(";").explode()
    top = ranked.rename("page").rename_axis("question_id").reset_index()
    wanted = answers.rename("page").rename_axis("question_id").reset_index()
    hits = top.merge(wanted, on=["question_id", "page"])["question_id"]
    return float(questions["question_id"].isin(hits).mean())
''',
    }, {"ex-6-hidden"}),
    "only-ex-7": ({
        # --language has no default: service.yaml says language: null
        "ex-7-answer": svc(default_language="None"),
    }, {"ex-7-hidden"}),
}
