//! The wizard's steps and what each holds: the fields (their kind, whether required), the
//! repeatable lists, and the step a contract path belongs to.

/// The steps, in order.
pub const STEPS: [&str; 7] = [
    "about",
    "language",
    "education",
    "work",
    "study",
    "family",
    "plans",
];

/// The kinds of value a field holds (decides its JSON type and its check).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    Number,
    /// A choice among fixed values (stored as the value string).
    Choice(&'static [&'static str]),
    /// yes / no → true / false.
    YesNo,
    Noc,
    Country,
}

/// One field of a list entry or of the top level.
#[derive(Debug, Clone, Copy)]
pub struct FieldDef {
    pub key: &'static str,
    pub kind: Kind,
    pub required: bool,
}

const fn f(key: &'static str, kind: Kind, required: bool) -> FieldDef {
    FieldDef {
        key,
        kind,
        required,
    }
}

pub const MARITAL: [&str; 7] = [
    "single",
    "married",
    "common_law",
    "separated",
    "divorced",
    "widowed",
    "annulled",
];
pub const TESTS: [&str; 5] = [
    "ielts_general",
    "celpip_general",
    "pte_core",
    "tef_canada",
    "tcf_canada",
];
pub const LEVELS: [&str; 7] = [
    "less_than_secondary",
    "secondary",
    "one_year",
    "two_year",
    "bachelors",
    "masters",
    "doctoral",
];
pub const JOB_KINDS: [&str; 5] = [
    "employee",
    "self_employed",
    "volunteer",
    "unpaid_internship",
    "coop",
];
pub const PROVINCES: [&str; 13] = [
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
];
pub const OFFICIAL: [&str; 2] = ["english", "french"];
pub const PERMIT_KINDS: [&str; 4] = ["pgwp", "work_permit", "study_permit", "visitor_record"];

pub const ABOUT: [FieldDef; 3] = [
    f("date_of_birth", Kind::Date, true),
    f("marital_status", Kind::Choice(&MARITAL), true),
    f("first_official_language", Kind::Choice(&OFFICIAL), false),
];
pub const TEST_FIELDS: [FieldDef; 6] = [
    f("test", Kind::Choice(&TESTS), true),
    f("test_date", Kind::Date, true),
    f("listening", Kind::Number, true),
    f("reading", Kind::Number, true),
    f("writing", Kind::Number, true),
    f("speaking", Kind::Number, true),
];
pub const CREDENTIAL_FIELDS: [FieldDef; 5] = [
    f("level", Kind::Choice(&LEVELS), true),
    f("program_years", Kind::Number, false),
    f("completed_on", Kind::Date, false),
    f("in_canada", Kind::YesNo, false),
    f("eca", Kind::YesNo, false),
];
/// The applicant's own credentials: the contract's credential fields and, for one earned in
/// Canada, when its program started and whether it was full time. A Canadian credential is
/// also a period of study (work while studying full time does not count for CEC: IRPR
/// s.87.1(3)(b)), so the wizard asks for it once, here, and builds the profile's
/// `study_periods` entry from it (issue 12: the college program was asked on two steps).
/// `studied_*` are the wizard's own names ([`is_wizard_only`]), never sent as credential keys.
pub const OWN_CREDENTIAL_FIELDS: [FieldDef; 7] = [
    CREDENTIAL_FIELDS[0],
    CREDENTIAL_FIELDS[1],
    CREDENTIAL_FIELDS[3],
    f("studied_from", Kind::Date, false),
    CREDENTIAL_FIELDS[2],
    f("studied_full_time", Kind::YesNo, false),
    CREDENTIAL_FIELDS[4],
];
/// Fields of a list entry that the wizard asks but the contract's entry does not hold.
pub fn is_wizard_only(key: &str) -> bool {
    key.starts_with("studied_")
}
/// Asked only for a credential earned in Canada (hidden by CSS when "no" is checked).
pub fn only_in_canada(key: &str) -> bool {
    is_wizard_only(key)
}
pub const JOB_FIELDS: [FieldDef; 10] = [
    f("title", Kind::Text, false),
    f("noc", Kind::Noc, true),
    f("country", Kind::Country, false),
    f("province", Kind::Choice(&PROVINCES), false),
    f("start", Kind::Date, true),
    f("end", Kind::Date, false),
    f("hours_per_week", Kind::Number, true),
    f("kind", Kind::Choice(&JOB_KINDS), false),
    f("authorized", Kind::YesNo, false),
    // Only for a self-employed physician (NOC 31100–31102): publicly funded services count
    // as Canadian work experience for CEC (canada.ca CEC page; issue 9, item 5).
    f("publicly_funded", Kind::YesNo, false),
];
/// A temporary resident document held in Canada (the profile's `permits`): work in Canada
/// counts only on the days a listed permit that allows work covers (issue 11).
pub const PERMIT_FIELDS: [FieldDef; 3] = [
    f("kind", Kind::Choice(&PERMIT_KINDS), true),
    f("start", Kind::Date, false),
    f("end", Kind::Date, true),
];
pub const STUDY_FIELDS: [FieldDef; 4] = [
    f("start", Kind::Date, true),
    f("end", Kind::Date, true),
    f("full_time", Kind::YesNo, false),
    f("in_canada", Kind::YesNo, false),
];
pub const SPOUSE_FIELDS: [FieldDef; 2] = [
    f("spouse.accompanying", Kind::YesNo, false),
    f("spouse.canadian_citizen_or_pr", Kind::YesNo, false),
];
/// `relative_in_canada` decides FSW's adaptability item (IRPR s.83(5)); `sibling_in_canada`
/// implies it, so it is asked as well only to say "no relative" (issue 9, item 8).
pub const FAMILY_FIELDS: [FieldDef; 2] = [
    f("sibling_in_canada", Kind::YesNo, false),
    f("relative_in_canada", Kind::YesNo, false),
];
pub const PLANS: [FieldDef; 4] = [
    // Asked as the CEC requirement it is (plan to live outside Quebec, IRPR s.87.1(2)(c)).
    f("intended_province", Kind::Choice(&PROVINCES), true),
    f("provincial_nomination", Kind::YesNo, false),
    f("settlement_funds_cad", Kind::Number, false),
    f("family_size", Kind::Number, false),
];
/// A job offer (`job_offer.*`); the title only helps find the NOC code and is not sent.
pub const OFFER_FIELDS: [FieldDef; 6] = [
    f("job_offer.title", Kind::Text, false),
    f("job_offer.noc", Kind::Noc, true),
    // Required once an offer is entered: the contract defaults them to "yes",
    // and an unanswered question must not make an offer qualify.
    f("job_offer.full_time", Kind::YesNo, true),
    f("job_offer.non_seasonal", Kind::YesNo, true),
    f("job_offer.at_least_one_year", Kind::YesNo, true),
    f("job_offer.lmia_or_exempt", Kind::YesNo, true),
];
/// A certificate of qualification (`certificate_of_qualification.*`); title as above.
pub const COQ_FIELDS: [FieldDef; 3] = [
    f("certificate_of_qualification.title", Kind::Text, false),
    f("certificate_of_qualification.noc", Kind::Noc, true),
    f(
        "certificate_of_qualification.province",
        Kind::Choice(&PROVINCES),
        false,
    ),
];
/// Optional objects of the profile: their contract key and fields. All fields empty = absent.
pub const GROUPS: [(&str, &[FieldDef]); 2] = [
    ("job_offer", &OFFER_FIELDS),
    ("certificate_of_qualification", &COQ_FIELDS),
];
/// The plans step, in page order.
const PLANS_STEP: [FieldDef; 13] = [
    PLANS[0],
    PLANS[1],
    OFFER_FIELDS[0],
    OFFER_FIELDS[1],
    OFFER_FIELDS[2],
    OFFER_FIELDS[3],
    OFFER_FIELDS[4],
    OFFER_FIELDS[5],
    COQ_FIELDS[0],
    COQ_FIELDS[1],
    COQ_FIELDS[2],
    PLANS[2],
    PLANS[3],
];

/// A repeatable list: its contract path and its entry fields.
#[derive(Debug, Clone, Copy)]
pub struct ListDef {
    pub path: &'static str,
    pub fields: &'static [FieldDef],
    /// Fluent stem for labels (`wiz-job-title` …).
    pub stem: &'static str,
}

pub const LIST_TESTS: ListDef = ListDef {
    path: "language_tests",
    fields: &TEST_FIELDS,
    stem: "wiz-test",
};
pub const LIST_EDUCATION: ListDef = ListDef {
    path: "education",
    fields: &OWN_CREDENTIAL_FIELDS,
    stem: "wiz-cred",
};
pub const LIST_JOBS: ListDef = ListDef {
    path: "work_history",
    fields: &JOB_FIELDS,
    stem: "wiz-job",
};
pub const LIST_PERMITS: ListDef = ListDef {
    path: "permits",
    fields: &PERMIT_FIELDS,
    stem: "wiz-permit",
};
pub const LIST_STUDY: ListDef = ListDef {
    path: "study_periods",
    fields: &STUDY_FIELDS,
    stem: "wiz-study",
};
pub const LIST_SPOUSE_EDUCATION: ListDef = ListDef {
    path: "spouse.education",
    fields: &CREDENTIAL_FIELDS,
    stem: "wiz-cred",
};
pub const LIST_SPOUSE_JOBS: ListDef = ListDef {
    path: "spouse.work_history",
    fields: &JOB_FIELDS,
    stem: "wiz-job",
};
pub const LIST_SPOUSE_TESTS: ListDef = ListDef {
    path: "spouse.language_tests",
    fields: &TEST_FIELDS,
    stem: "wiz-test",
};

/// What a step holds: top-level fields and lists.
pub fn step_parts(step: &str) -> (&'static [FieldDef], Vec<ListDef>) {
    match step {
        "about" => (&ABOUT, vec![]),
        "language" => (&[], vec![LIST_TESTS]),
        "education" => (&[], vec![LIST_EDUCATION]),
        "work" => (&[], vec![LIST_PERMITS, LIST_JOBS]),
        "study" => (&[], vec![LIST_STUDY]),
        "family" => (
            &FAMILY_FIELDS_AND_SPOUSE,
            vec![LIST_SPOUSE_EDUCATION, LIST_SPOUSE_TESTS, LIST_SPOUSE_JOBS],
        ),
        "plans" => (&PLANS_STEP, vec![]),
        _ => (&[], vec![]),
    }
}

const FAMILY_FIELDS_AND_SPOUSE: [FieldDef; 4] = [
    SPOUSE_FIELDS[0],
    SPOUSE_FIELDS[1],
    FAMILY_FIELDS[0],
    FAMILY_FIELDS[1],
];

/// The step a contract path belongs to (for placing a rules-engine error).
pub fn step_of(path: &str) -> &'static str {
    let head = path.split(['.', '[']).next().unwrap_or("");
    match head {
        "date_of_birth" | "marital_status" | "first_official_language" | "as_of" | "" => "about",
        "language_tests" => "language",
        "education" => "education",
        "work_history" | "permits" => "work",
        "study_periods" => "study",
        "spouse" | "sibling_in_canada" | "relative_in_canada" => "family",
        _ => "plans",
    }
}

/// Every list of the wizard.
pub(super) const ALL_LISTS: [ListDef; 8] = [
    LIST_TESTS,
    LIST_EDUCATION,
    LIST_PERMITS,
    LIST_JOBS,
    LIST_STUDY,
    LIST_SPOUSE_EDUCATION,
    LIST_SPOUSE_TESTS,
    LIST_SPOUSE_JOBS,
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn steps_own_paths() {
        assert_eq!(step_of("work_history[3].noc"), "work");
        assert_eq!(step_of("spouse.language_tests[0].reading"), "family");
        assert_eq!(step_of("date_of_birth"), "about");
        assert_eq!(step_of("intended_province"), "plans");
        assert_eq!(step_of("family_size"), "plans");
        assert_eq!(step_of("job_offer.noc"), "plans");
        assert_eq!(step_of("spouse.work_history[0].end"), "family");
    }
}
