"""Week 2: plausible mistakes, each tied to the checks it must fail.

MISTAKES holds one plausible wrong answer per entry, each confined to one exercise; students group
them (one nbgrader student per group, as tests/answers/week_05.py explains). Exercises 2 and 3 may
reuse milestone_hours (Exercise 1): the student whose Exercise 1 is wrong also breaks Exercises 2
and 3, with answers that compute the hours themselves, so that each shows one mistake only.
"""
from answers import combine


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
    if args.owner not in TEAMS:
        print(f"svc: error: unknown team {args.owner!r}: run 'svc teams' to list the teams", file=ERR)
        return 2
    doc = {"name": args.name, "owner": args.owner, "language": args.language, "lifecycle": LIFECYCLE}
    errors = [e.message for e in Draft202012Validator(SERVICE_SCHEMA).iter_errors(doc)]
    if errors:
        print(f"svc: error: {errors[0]}: lower-case letters, digits, single '-', at most 40 characters", file=ERR)
        return BAD_NAME_CODE
    folder = root / args.name
    if folder.exists():
        print(f"svc: error: {folder} already exists", file=sys.stderr)
        return 1
    folder.mkdir(parents=True)
    (folder / "README.md").write_text(f"# {args.name}\\n")
    (folder / "service.yaml").write_text(WRITE)
    print(f"created {folder}")
    return 0
'''
DUMP = "yaml.safe_dump(doc)"
# YAML pasted together from strings: a name YAML 1.1 reads as a boolean ("no") is not quoted
PASTED = '"".join(f"{k}: {v}\\n" for k, v in doc.items())'


def svc(default_language='"python"', bad_name_code="2", err="sys.stderr", lifecycle='"experimental"', write=DUMP):
    return (SVC.replace("DEFAULT_LANGUAGE", default_language).replace("BAD_NAME_CODE", bad_name_code)
            .replace("ERR", err).replace("LIFECYCLE", lifecycle).replace("WRITE", write))


STEPS = [("laptop_ready_at", "laptop-setup"), ("accounts_ready_at", "access-requests"),
         ("repository_access_at", "repository-access"), ("first_build_at", "first-build"),
         ("first_pull_request_at", "code-review"), ("first_deploy_at", "deploying")]


def checklist(steps=STEPS, extra="", version="version: 1") -> str:
    """An Exercise 8 answer: onboarding.yaml with these (milestone, page) steps."""
    lines = [version, "steps:"]
    for milestone, doc in steps:
        lines += [f"  - milestone: {milestone}", f"    title: Reach {milestone[:-3].replace('_', ' ')}",
                  f"    doc: {doc}"]
    return 'ONBOARDING_CHECKLIST = """' + "\n".join(lines) + "\n" + extra + '"""\n'


def pages(**chosen) -> list:
    return [(m, chosen.get(m, d)) for m, d in STEPS]


def _one(ex: int, code: str, visible: bool = False) -> tuple[dict, set]:
    zeroed = {f"ex-{ex}-hidden"} | ({f"ex-{ex}-visible"} if visible else set())
    return {f"ex-{ex}-answer": code}, zeroed


HOURS = '''    start = journeys["start_date"].dt.tz_localize("UTC")
    hours = journeys[MILESTONES].sub(start, axis=0) / pd.Timedelta(hours=1)
'''

MISTAKES = {
    # --- Exercise 1: milestone hours
    # days instead of hours (Exercises 2 and 3 reuse it: see the module's docstring)
    "ex1-days": ({"ex-1-answer": '''def milestone_hours(journeys):
    start = journeys["start_date"].dt.tz_localize("UTC")
    return (journeys[MILESTONES].sub(start, axis=0) / pd.Timedelta(days=1)).set_index(journeys["developer_id"])
'''}, {"ex-1-hidden"}),
    # forgot the index: rows numbered 0..n-1 instead of developer_id
    "ex1-no-index": _one(1, '''def milestone_hours(journeys):
    start = journeys["start_date"].dt.tz_localize("UTC")
    return journeys[MILESTONES].sub(start, axis=0) / pd.Timedelta(hours=1)
''', visible=True),

    # --- Exercise 2: before and after (own hours: independent of Exercise 1)
    # the mean: pulled by the slow tail
    "ex2-mean": _one(2, '''def before_after(journeys, launch):
''' + HOURS + '''    cohort = np.where(journeys["start_date"] >= launch, "after", "before")
    return hours.groupby(cohort).mean().T[["before", "after"]]
'''),
    # a hire who starts on the launch day is counted 'before'
    "ex2-launch-day": _one(2, '''def before_after(journeys, launch):
''' + HOURS + '''    cohort = np.where(journeys["start_date"] > launch, "after", "before")
    return hours.groupby(cohort).median().T[["before", "after"]]
'''),
    # forgot to transpose: one row per cohort, one column per milestone
    "ex2-no-transpose": _one(2, '''def before_after(journeys, launch):
''' + HOURS + '''    cohort = np.where(journeys["start_date"] >= launch, "after", "before")
    return hours.groupby(cohort).median()
''', visible=True),

    # --- Exercise 3: stage medians (own hours)
    # the difference of the milestones' medians instead of the median of each hire's stage
    "ex3-diff-of-medians": _one(3, '''def stage_medians(journeys):
''' + HOURS + '''    medians = hours.median()
    return medians.diff().fillna(medians)
'''),
    # the first stage (start of day one to laptop ready) is dropped
    "ex3-no-first-stage": _one(3, '''def stage_medians(journeys):
''' + HOURS + '''    return hours.diff(axis=1).iloc[:, 1:].median()
''', visible=True),

    # --- Exercise 4: self-service share
    # tickets of the category 'other' left out of the denominator
    "ex4-no-other": _one(4, '''def self_service_share(tickets):
    covered = tickets[tickets["category"] != "other"]
    return float((covered["answered_by_doc"].notna() & ~covered["needs_human"]).mean())
'''),
    # a page is enough: tickets that need a person whatever the docs say count as self-service
    # (passes the statement's example, where no ticket needs a person)
    "ex4-docs-only": _one(4, '''def self_service_share(tickets):
    return float(tickets["answered_by_doc"].notna().mean())
'''),
    # compares with an empty string: NaN != "" is True, so every ticket looks covered
    "ex4-empty-string": _one(4, '''def self_service_share(tickets):
    return float((tickets["answered_by_doc"] != "").mean())
''', visible=True),

    # --- Exercise 5: TF-IDF search
    # term frequency only: no idf, so words on every page count as much as rare ones
    "ex5-tf-only": _one(5, '''def tfidf_search(query, docs, k=3):
    slugs = docs["path"].str.removesuffix(".md")
    terms = docs["body"].str.lower().str.findall(r"[a-z0-9]+").explode().dropna()
    tf = pd.crosstab(terms.to_numpy(), slugs.loc[terms.index].to_numpy())
    wanted = [t for t in dict.fromkeys(re.findall(r"[a-z0-9]+", query.lower())) if t in tf.index]
    scores = tf.loc[wanted].sum(axis=0).reindex(slugs, fill_value=0)
    return list(scores.sort_index().sort_values(ascending=False, kind="stable").index[:k])
'''),
    # splits on spaces: "database?" and "database" are different terms
    "ex5-split-spaces": _one(5, '''def tfidf_search(query, docs, k=3):
    slugs = docs["path"].str.removesuffix(".md")
    terms = docs["body"].str.lower().str.split().explode().dropna()
    tf = pd.crosstab(terms.to_numpy(), slugs.loc[terms.index].to_numpy())
    idf = np.log(len(docs) / (tf > 0).sum(axis=1))
    wanted = [t for t in dict.fromkeys(query.lower().split()) if t in tf.index]
    scores = tf.loc[wanted].mul(idf[wanted], axis=0).sum(axis=0).reindex(slugs, fill_value=0)
    return list(scores.sort_index().sort_values(ascending=False, kind="stable").index[:k])
'''),
    # a query term repeated in the query counts twice
    "ex5-repeated-query-terms": _one(5, '''def tfidf_search(query, docs, k=3):
    slugs = docs["path"].str.removesuffix(".md")
    terms = docs["body"].str.lower().str.findall(r"[a-z0-9]+").explode().dropna()
    tf = pd.crosstab(terms.to_numpy(), slugs.loc[terms.index].to_numpy())
    idf = np.log(len(docs) / (tf > 0).sum(axis=1))
    wanted = [t for t in re.findall(r"[a-z0-9]+", query.lower()) if t in tf.index]
    scores = tf.loc[wanted].mul(idf[wanted], axis=0).sum(axis=0).reindex(slugs, fill_value=0)
    return list(scores.sort_index().sort_values(ascending=False, kind="stable").index[:k])
'''),
    # file names instead of slugs
    "ex5-file-names": _one(5, '''def tfidf_search(query, docs, k=3):
    terms = docs["body"].str.lower().str.findall(r"[a-z0-9]+").explode().dropna()
    tf = pd.crosstab(terms.to_numpy(), docs["path"].loc[terms.index].to_numpy())
    idf = np.log(len(docs) / (tf > 0).sum(axis=1))
    wanted = [t for t in dict.fromkeys(re.findall(r"[a-z0-9]+", query.lower())) if t in tf.index]
    scores = tf.loc[wanted].mul(idf[wanted], axis=0).sum(axis=0)
    return list(scores.sort_values(ascending=False).index[:k])
''', visible=True),

    # --- Exercise 6: hit rate@k
    # ignores k: any result in the whole list counts
    "ex6-ignores-k": _one(6, '''def hit_rate_at_k(results, questions, k=3):
    ranked = pd.Series(results, dtype=object).explode().dropna()
    answers = questions.set_index("question_id")["answer_pages"].str.split(";").explode()
    top = ranked.rename("page").rename_axis("question_id").reset_index()
    wanted = answers.rename("page").rename_axis("question_id").reset_index()
    hits = top.merge(wanted, on=["question_id", "page"])["question_id"]
    return float(questions["question_id"].isin(hits).mean())
'''),
    # the share of the questions that have results: a question the engine returned nothing for
    # drops out instead of counting as a miss (passes the examples, where every question has results)
    "ex6-answered-only": _one(6, '''def hit_rate_at_k(results, questions, k=3):
    answers = questions.set_index("question_id")["answer_pages"].str.split(";")
    hits = [bool(set(r[:k]) & set(answers[q])) for q, r in results.items() if q in answers.index]
    return float(np.mean(hits))
'''),
    # compares with the whole answer_pages string: questions with two answer pages never hit
    "ex6-whole-string": _one(6, '''def hit_rate_at_k(results, questions, k=3):
    ranked = pd.Series(results, dtype=object).explode().dropna()
    ranked = ranked[ranked.groupby(level=0).cumcount() < k]
    top = ranked.rename("page").rename_axis("question_id").reset_index()
    wanted = questions.rename(columns={"answer_pages": "page"})[["question_id", "page"]]
    hits = top.merge(wanted, on=["question_id", "page"])["question_id"]
    return float(questions["question_id"].isin(hits).mean())
''', visible=True),
    # a percentage instead of a fraction
    "ex6-percent": _one(6, '''def hit_rate_at_k(results, questions, k=3):
    ranked = pd.Series(results, dtype=object).explode().dropna()
    ranked = ranked[ranked.groupby(level=0).cumcount() < k]
    answers = questions.set_index("question_id")["answer_pages"].str.split(";").explode()
    top = ranked.rename("page").rename_axis("question_id").reset_index()
    wanted = answers.rename("page").rename_axis("question_id").reset_index()
    hits = top.merge(wanted, on=["question_id", "page"])["question_id"]
    return 100 * float(questions["question_id"].isin(hits).mean())
''', visible=True),

    # --- Exercise 7: svc and its service.yaml
    # exit code 1 for an invalid name: a script cannot tell bad input from a failed action
    "ex7-bad-name-exit-1": _one(7, svc(bad_name_code="1")),
    # --language has no default: language null, which the platform refuses, so even the short path fails
    "ex7-no-default-language": _one(7, svc(default_language="None"), visible=True),
    # a new service described as in production: the platform accepts it, but it is not true
    "ex7-production": _one(7, svc(lifecycle='"production"')),
    # YAML pasted together from strings: right for orders-api, but a service named "no" arrives as False
    "ex7-pasted-yaml": _one(7, svc(write=PASTED)),
    # errors printed to standard output: a script piping the output gets the error as data
    "ex7-errors-on-stdout": _one(7, svc(err="sys.stdout"), visible=True),

    # --- Exercise 8: onboarding.yaml
    # the laptop page found first by its tags: the legacy one, not updated since 2023
    "ex8-stale-page": _one(8, checklist(pages(laptop_ready_at="laptop-setup-legacy"))),
    # steps in the order of the docs' titles, not of the value stream
    "ex8-order": _one(8, checklist(sorted(STEPS, key=lambda s: s[1]))),
    # the template page for the first deploy: current, but about creating a service, not deploying one
    "ex8-wrong-topic": _one(8, checklist(pages(first_deploy_at="service-templates"))),
    # a field the start page does not know (an owner per step): refused, with the line named
    "ex8-unknown-field": _one(8, checklist(extra="    owner: developer-experience\n"), visible=True),
    # YAML that does not parse: a title with ': ' in it, unquoted
    "ex8-not-yaml": _one(8, checklist().replace("title: Reach first build", "title: Build: run make test"),
                         visible=True),
}


def _student(*names: str) -> tuple[dict, set]:
    return combine(MISTAKES, *names)


WRONG = {
    # mistakes that pass the visible checks (and the statement's examples): only hidden checks catch them
    "wrong-subtle": _student("ex1-days", "ex2-mean", "ex3-diff-of-medians", "ex4-no-other", "ex5-tf-only",
                             "ex6-ignores-k", "ex7-bad-name-exit-1", "ex8-stale-page"),
    # the tempting readings: the launch day, a page is enough, a true-looking descriptor, the docs' order
    "wrong-scope": _student("ex2-launch-day", "ex4-docs-only", "ex5-split-spaces", "ex6-answered-only",
                            "ex7-production", "ex8-order"),
    # boundaries: repeated query terms, two answer pages, a default, the page about the milestone
    "wrong-boundary": _student("ex5-repeated-query-terms", "ex6-whole-string", "ex7-no-default-language",
                               "ex8-wrong-topic"),
    # artifacts that are not what the platform reads
    "wrong-yaml": _student("ex7-pasted-yaml", "ex8-not-yaml"),
    # mistakes of shape that the visible checks already catch
    "wrong-visible": _student("ex1-no-index", "ex2-no-transpose", "ex3-no-first-stage", "ex4-empty-string",
                              "ex5-file-names", "ex6-percent", "ex7-errors-on-stdout", "ex8-unknown-field"),
}
