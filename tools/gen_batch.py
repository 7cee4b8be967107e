#!/usr/bin/env python3
"""Generate a deterministic batch of varied profiles and CRS answers for the
behaviour diff of a restructuring (issue 10): `tools/behaviour-diff.sh` runs
the release CLI over them before and after and compares the outputs.

    python3 tools/gen_batch.py OUT_DIR [--profiles N] [--answers N] [--seed S]

Writes OUT_DIR/profiles.jsonl, OUT_DIR/answers.jsonl and OUT_DIR/planning.jsonl
(a smaller set for the slower timeline and what-if). Every profile has an
`as_of`, so the outputs do not depend on the day they are made. A few inputs
are invalid on purpose (a bad NOC, a date out of order): errors are behaviour too.
"""
import argparse
import datetime as dt
import json
import os
import random

NOCS = ["21232", "21231", "72310", "41200", "65201", "72600", "72300", "63200",
        "13110", "72311", "42102", "31102", "21230", "31301", "00012", "85100",
        "11100", "33102", "73300", "62020"]
COUNTRIES = ["CA", "CA", "CA", "IN", "PH", "FR", "NG", "CN", "BR", "MA"]
PROVINCES = ["ON", "BC", "AB", "QC", "MB", "NS", "SK", "NB"]
LEVELS = ["less_than_secondary", "secondary", "one_year", "two_year", "bachelors",
          "masters", "doctoral"]
ANS_LEVELS = LEVELS[:5] + ["two_or_more"] + LEVELS[5:]
MARITAL = ["single", "single", "married", "common_law", "divorced", "widowed"]
KINDS = ["employee"] * 8 + ["self_employed", "volunteer", "unpaid_internship", "coop"]
PERMITS = ["pgwp", "work_permit", "study_permit", "visitor_record"]


def day(r, lo, hi):
    a, b = dt.date.fromisoformat(lo), dt.date.fromisoformat(hi)
    return (a + dt.timedelta(days=r.randrange((b - a).days + 1))).isoformat()


def add(d, days):
    return (dt.date.fromisoformat(d) + dt.timedelta(days=days)).isoformat()


def language_test(r, as_of):
    test = r.choice(["ielts_general", "celpip_general", "pte_core", "tef_canada", "tcf_canada"])
    date = add(as_of, -r.randrange(10, 1000))
    if test == "ielts_general":
        s = lambda: r.choice([4.0, 4.5, 5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0])
    elif test == "celpip_general":
        s = lambda: r.randint(3, 12)
    elif test == "pte_core":
        s = lambda: r.randint(30, 90)
    elif test == "tef_canada":
        s = lambda: r.randint(150, 699)
    else:
        return {"test": test, "test_date": date, "listening": r.randint(300, 699),
                "reading": r.randint(300, 699), "writing": r.randint(2, 20),
                "speaking": r.randint(2, 20)}
    t = {"test": test, "test_date": date, "listening": s(), "reading": s(),
         "writing": s(), "speaking": s()}
    return t


def credential(r, as_of):
    c = {"level": r.choice(LEVELS), "in_canada": r.random() < 0.4,
         "completed_on": add(as_of, -r.randrange(100, 5000))}
    if r.random() < 0.4:
        c["program_years"] = r.choice([1, 2, 3, 4])
    if not c["in_canada"]:
        c["eca"] = r.random() < 0.8
        if c["eca"] and r.random() < 0.5:
            c["eca_issued_on"] = add(as_of, -r.randrange(30, 2600))
    return c


def job(r, as_of):
    start = add(as_of, -r.randrange(30, 4000))
    j = {"noc": r.choice(NOCS), "country": r.choice(COUNTRIES), "start": start,
         "hours_per_week": r.choice([10, 15, 20, 25, 30, 35, 37.5, 40, 45, 60])}
    if r.random() < 0.5:
        j["end"] = add(start, r.randrange(1, 2000))
        if j["end"] > as_of and r.random() < 0.5:
            j["end"] = as_of
    else:
        j["end"] = None
    if j["country"] == "CA":
        j["province"] = r.choice(PROVINCES)
    if r.random() < 0.25:
        j["kind"] = r.choice(KINDS)
    if r.random() < 0.05:
        j["authorized"] = False
    return j


def profile(r, i):
    as_of = day(r, "2023-06-01", "2026-12-05")
    p = {"as_of": as_of, "date_of_birth": add(as_of, -r.randrange(17 * 365, 50 * 365)),
         "marital_status": r.choice(MARITAL)}
    p["education"] = [credential(r, as_of) for _ in range(r.choice([0, 1, 1, 1, 2, 3]))]
    p["language_tests"] = [language_test(r, as_of) for _ in range(r.choice([0, 1, 1, 1, 2]))]
    p["work_history"] = [job(r, as_of) for _ in range(r.choice([0, 1, 1, 2, 2, 3, 4]))]
    if r.random() < 0.3:
        s = add(as_of, -r.randrange(300, 3000))
        p["study_periods"] = [{"start": s, "end": add(s, r.randrange(100, 1200)),
                               "full_time": r.random() < 0.7, "in_canada": True}]
    if p["marital_status"] in ("married", "common_law") and r.random() < 0.7:
        sp = {"accompanying": r.random() < 0.8, "canadian_citizen_or_pr": r.random() < 0.15}
        if r.random() < 0.7:
            sp["education"] = [credential(r, as_of)]
        if r.random() < 0.6:
            sp["language_tests"] = [language_test(r, as_of)]
        if r.random() < 0.5:
            sp["work_history"] = [job(r, as_of)]
        p["spouse"] = sp
    if r.random() < 0.1:
        p["certificate_of_qualification"] = {"noc": r.choice(["72310", "72600", "72300", "72311"]),
                                             "province": r.choice(PROVINCES)}
    if r.random() < 0.15:
        p["job_offer"] = {"noc": r.choice(NOCS), "full_time": r.random() < 0.9,
                          "lmia_or_exempt": r.random() < 0.8}
    for k, prob in (("provincial_nomination", 0.08), ("sibling_in_canada", 0.15),
                    ("relative_in_canada", 0.1)):
        if r.random() < prob:
            p[k] = True
    if r.random() < 0.8:
        p["intended_province"] = r.choice(PROVINCES)
    if r.random() < 0.6:
        p["settlement_funds_cad"] = r.choice([0, 5000, 14690, 15263, 20000, 35000, 100000])
    if r.random() < 0.2:
        p["family_size"] = r.randint(1, 6)
    if r.random() < 0.15:
        p["first_official_language"] = r.choice(["english", "french"])
    if r.random() < 0.3:
        ps = []
        for _ in range(r.choice([1, 1, 2, 3])):
            s = add(as_of, -r.randrange(0, 2500))
            pm = {"kind": r.choice(PERMITS), "end": add(s, r.randrange(30, 1500))}
            if r.random() < 0.8:
                pm["start"] = s
            ps.append(pm)
        p["permits"] = ps
    if r.random() < 0.2:
        ee = {"profile_submitted_on": add(as_of, -r.randrange(0, 400))}
        if r.random() < 0.3:
            ee["ita_received_on"] = add(ee["profile_submitted_on"], r.randrange(0, 30))
            if ee["ita_received_on"] > as_of:
                ee["ita_received_on"] = as_of
        p["express_entry"] = ee
    # A few invalid profiles: their errors are behaviour too.
    if i % 97 == 13:
        p["work_history"] = [dict(job(r, as_of), noc="99999")]
    if i % 89 == 7 and p["work_history"]:
        p["work_history"][0]["hours_per_week"] = 0
    return p


def language_answer(r):
    return {"language": r.choice(["english", "french"]), "listening": r.randint(0, 12),
            "reading": r.randint(0, 12), "writing": r.randint(0, 12), "speaking": r.randint(0, 12)}


def answers(r, i):
    a = {"as_of": day(r, "2016-01-01", "2026-12-05"), "age": r.randint(16, 60),
         "education": r.choice(ANS_LEVELS), "first_language": language_answer(r),
         "canadian_experience_years": r.randint(0, 6)}
    if r.random() < 0.6:
        a["canadian_education"] = r.choice(["none", "one_or_two_year", "three_year_or_longer"])
    if r.random() < 0.4:
        a["second_language"] = language_answer(r)
    if r.random() < 0.7:
        a["foreign_experience_years"] = r.randint(0, 4)
    for k in ("certificate_of_qualification", "provincial_nomination", "sibling_in_canada"):
        if r.random() < 0.15:
            a[k] = True
    if r.random() < 0.2:
        a["job_offer"] = r.choice(["none", "major_group_00", "teer_0_1_2_3"])
    if r.random() < 0.35:
        sp = {"education": r.choice(ANS_LEVELS)}
        if r.random() < 0.7:
            sp["first_language"] = language_answer(r)
        if r.random() < 0.5:
            sp["canadian_experience_years"] = r.randint(0, 6)
        a["spouse"] = sp
    if i % 101 == 5:
        a["age"] = 200  # invalid on purpose
    return a


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--profiles", type=int, default=2000)
    ap.add_argument("--answers", type=int, default=2000)
    ap.add_argument("--planning", type=int, default=300)
    ap.add_argument("--seed", type=int, default=11)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    r = random.Random(a.seed)
    profiles = [profile(r, i) for i in range(a.profiles)]
    with open(os.path.join(a.out, "profiles.jsonl"), "w") as f:
        for p in profiles:
            f.write(json.dumps(p) + "\n")
    with open(os.path.join(a.out, "planning.jsonl"), "w") as f:
        for p in profiles[: a.planning]:
            f.write(json.dumps(p) + "\n")
    with open(os.path.join(a.out, "answers.jsonl"), "w") as f:
        for i in range(a.answers):
            f.write(json.dumps(answers(r, i)) + "\n")


if __name__ == "__main__":
    main()
