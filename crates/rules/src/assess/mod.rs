//! A full assessment from a profile: the facts derived from the records, the
//! CRS, and program eligibility (Canadian Experience Class here; FSW and FST in
//! `programs`).

pub(crate) mod facts;
pub(crate) mod text;

use crate::programs::cec::cec_program;
pub use crate::programs::cec::{CecMinimums, CecText, LanguageBasis, cec_minimums};
pub use crate::programs::result::{ProgramResult, Requirement, Status};
pub use facts::{EducationFact, ExperienceFact, LanguageFact, SpouseFacts, age_on, education_fact};
use facts::{experience, foreign_experience, language_facts, used};
pub use text::AssessText;

use jiff::civil::Date;
use serde::Serialize;

use crate::clb::{Language, LanguageLevels};
use crate::crs::{self, CrsAnswers, CrsResult, JobOfferAnswer, SpouseAnswers};
use crate::error::Result;
use crate::hours::{self, Criteria};
use crate::noc::Noc;
use crate::profile::Profile;
use crate::text::Text;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Programs {
    pub cec: ProgramResult,
    pub fsw: ProgramResult,
    pub fst: ProgramResult,
    /// The program an invitation would be issued under (CEC, then FSW, then FST).
    pub invited_under: Option<crate::programs::Program>,
}

/// What the engine derived from the records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facts {
    pub age: u8,
    pub first_official_language: Option<Language>,
    pub language_tests: Vec<LanguageFact>,
    pub education: EducationFact,
    /// CEC: hours in Canada in the window (3 years, `cec_minimums.toml`) before `as_of`.
    pub cec_experience: ExperienceFact,
    /// If not yet CEC's hours (1,560): the day they are reached if current jobs continue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cec_hours_reached_on: Option<Date>,
    /// CRS: skilled Canadian experience in the last 10 years.
    pub canadian_experience: ExperienceFact,
    /// CRS: skilled foreign experience in the last 10 years, in one occupation.
    pub foreign_experience: ExperienceFact,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub foreign_experience_noc: Option<Noc>,
    pub with_spouse: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spouse: Option<SpouseFacts>,
    /// Per program: the qualifying hours, the occupations they count in, and each excluded period.
    pub program_work: crate::programs::ProgramWork,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub as_of: Date,
    pub programs: Programs,
    /// Category-based selection: each category in force on `as_of`.
    pub categories: crate::programs::CategorySelection,
    pub crs: Option<CrsResult>,
    /// The CRS answers derived from the profile (what the official tool would be told).
    pub crs_answers: Option<CrsAnswers>,
    pub facts: Facts,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Text>,
    /// Today's profile against past rounds of invitations (`crate::draws::outlook`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlook: Option<crate::draws::Outlook>,
}

/// Assess a profile on its `as_of` (or `today`). Validates the profile first.
pub fn assess(profile: &Profile, today: Date) -> Result<Assessment> {
    // Scores are validated by `language_facts`, which converts every test once.
    profile.validate_records(today, false)?;
    let as_of = profile.as_of.unwrap_or(today);
    let mut notes: Vec<Text> = Vec::new();
    later_records(profile, as_of, &mut notes);

    let age = age_on(profile.date_of_birth, as_of);
    let education = education_fact(&profile.education, as_of);
    let tests = language_facts(&profile.language_tests, as_of, "", &mut notes)?;

    let canadian_experience = experience(
        &profile.work_history,
        &profile.study_periods,
        &profile.permits,
        as_of,
        &Criteria::CRS_CANADIAN,
    );
    let (foreign, foreign_noc) = foreign_experience(&profile.work_history, as_of);

    // Spouse factors (accompanying, not a citizen or PR).
    let spouse = profile.scoring_spouse();
    if profile.marital_status.has_partner() && profile.spouse.is_none() {
        notes.push(AssessText::SpouseDetailsMissing.into());
    }
    let spouse_facts = match spouse {
        Some(sp) => {
            let sp_tests = language_facts(&sp.language_tests, as_of, "spouse.", &mut notes)?;
            let rules = crs::rule_set_on(as_of).ok();
            let best = sp_tests
                .iter()
                .filter(|f| f.used)
                .filter_map(LanguageFact::levels)
                .max_by_key(|l| rules.map_or(0, |rs| rs.first_language_points(l, false)));
            Some(SpouseFacts {
                education: education_fact(&sp.education, as_of).crs_level,
                language: best,
                canadian_experience_years: experience(
                    &sp.work_history,
                    &[],
                    &[],
                    as_of,
                    &Criteria::CRS_CANADIAN,
                )
                .years,
            })
        }
        None => None,
    };

    let build_answers = |first: LanguageLevels, second: Option<LanguageLevels>| CrsAnswers {
        as_of: Some(as_of),
        age,
        education: education.crs_level,
        canadian_education: education.canadian_education,
        first_language: first,
        second_language: second,
        canadian_experience_years: canadian_experience.years.min(60) as u8,
        foreign_experience_years: foreign.years.min(60) as u8,
        certificate_of_qualification: profile.certificate_of_qualification.is_some(),
        job_offer: match &profile.job_offer {
            Some(o) if o.is_qualifying() && o.noc.major_group() == "00" => {
                JobOfferAnswer::MajorGroup00
            }
            Some(o) if o.is_qualifying() && o.noc.teer().is_skilled() => JobOfferAnswer::Teer0123,
            _ => JobOfferAnswer::None,
        },
        provincial_nomination: profile.provincial_nomination,
        sibling_in_canada: profile.sibling_in_canada,
        spouse: spouse_facts.as_ref().map(|s| SpouseAnswers {
            education: s.education,
            first_language: s.language,
            canadian_experience_years: s.canadian_experience_years.min(60) as u8,
        }),
    };

    let cec_min = cec_minimums(as_of)?;
    let cec_criteria = cec_min.values.criteria();
    let cec_experience = experience(
        &profile.work_history,
        &profile.study_periods,
        &profile.permits,
        as_of,
        &cec_criteria,
    );
    // Looked ahead one window: by its end the window holds only the continuing work.
    let cec_hours_reached_on = if cec_experience
        .tally
        .at_least(cec_min.values.experience_hours)
    {
        None
    } else {
        hours::projected_date(
            &profile.work_history,
            &profile.study_periods,
            &profile.permits,
            as_of,
            &cec_criteria,
            cec_min.values.experience_hours,
            i64::from(cec_min.values.window_years) * 366,
        )
    };

    // The first official language: declared, else the choice that makes the
    // candidate eligible for the most programs, then scores the higher CRS.
    // The programs' language minimums are met by either official language
    // (IRPR ss. 75(2)(d), 87.1(2)(d), 87.2(3)(a)); only the CRS and the FSW
    // grid's first/second-language points depend on the choice.
    let levels_of = |l: Language| used(&tests, l).and_then(LanguageFact::levels);
    let choices: Vec<Option<Language>> = match profile.first_official_language {
        Some(declared) => {
            if levels_of(declared).is_none() {
                notes.push(
                    AssessText::DeclaredLanguageUntested {
                        language: declared,
                        as_of,
                    }
                    .into(),
                );
            }
            vec![Some(declared)]
        }
        None => {
            let tested: Vec<Option<Language>> = [Language::English, Language::French]
                .into_iter()
                .filter(|l| levels_of(*l).is_some())
                .map(Some)
                .collect();
            if tested.is_empty() {
                vec![None]
            } else {
                tested
            }
        }
    };
    let mut evaluated: Vec<Choice> = Vec::with_capacity(choices.len());
    for first in choices {
        let answers = first
            .and_then(levels_of)
            .map(|levels| build_answers(levels, first.and_then(|l| levels_of(l.other()))));
        let total = match &answers {
            Some(a) => Some(crs::score_points(a, as_of)?.total()),
            None => None,
        };
        let cec = cec_program(
            &cec_min.values,
            profile,
            as_of,
            &cec_experience,
            cec_hours_reached_on,
            first,
            &tests,
        );
        let ctx = crate::programs::Context {
            profile,
            as_of,
            tests: &tests,
            first_language: first,
            education: &education,
            spouse: spouse_facts.as_ref(),
        };
        let (fsw, fsw_work) = crate::programs::fsw(&ctx)?;
        let (fst, fst_work) = crate::programs::fst(&ctx)?;
        evaluated.push(Choice {
            first,
            answers,
            total,
            cec,
            fsw,
            fst,
            fsw_work,
            fst_work,
        });
    }
    let best_index = (0..evaluated.len())
        .max_by_key(|i| {
            let c = &evaluated[*i];
            // `Reverse(i)`: on a tie the earlier choice (English) stays.
            (c.eligible_count(), c.total, std::cmp::Reverse(*i))
        })
        .unwrap_or(0);
    if evaluated.len() == 2 {
        let (chosen, other) = (&evaluated[best_index], &evaluated[1 - best_index]);
        let programs_differ = chosen.eligibility() != other.eligibility();
        if (programs_differ || chosen.total != other.total)
            && let (Some(language), Some(other_language)) = (chosen.first, other.first)
        {
            {
                notes.push(
                    AssessText::FirstLanguageChosen {
                        language,
                        other: other_language,
                        crs: chosen.total,
                        other_crs: other.total,
                        programs_differ,
                    }
                    .into(),
                );
            }
        }
    }
    let Some(chosen) = evaluated.into_iter().nth(best_index) else {
        return Err(crate::error::RulesError::invalid(
            "first_official_language",
            "no choice of first official language could be assessed",
        ));
    };
    let Choice {
        first: first_official_language,
        answers,
        cec,
        fsw,
        fst,
        fsw_work,
        fst_work,
        ..
    } = chosen;
    let crs_result = match answers {
        Some(a) => Some((crs::score_explained(&a, as_of)?, a)),
        None => None,
    };
    if crs_result.is_none() {
        notes.push(AssessText::NoCrsScore.into());
    }

    let ctx = crate::programs::Context {
        profile,
        as_of,
        tests: &tests,
        first_language: first_official_language,
        education: &education,
        spouse: spouse_facts.as_ref(),
    };
    let categories = crate::programs::categories(&ctx, [&cec, &fsw, &fst])?;
    let (invited_under, invite_notes) = crate::programs::invited_under(profile, &cec, &fsw, &fst);
    notes.extend(invite_notes);
    let program_work = crate::programs::ProgramWork {
        cec: crate::programs::cec_work(&cec_experience.tally, cec_min.values.experience_hours),
        fsw: fsw_work,
        fst: fst_work,
    };
    let programs = Programs {
        cec,
        fsw,
        fst,
        invited_under,
    };

    let facts = Facts {
        age,
        first_official_language,
        language_tests: tests,
        education,
        cec_experience,
        cec_hours_reached_on,
        canadian_experience,
        foreign_experience: foreign,
        foreign_experience_noc: foreign_noc,
        with_spouse: spouse.is_some(),
        spouse: spouse_facts,
        program_work,
    };
    let (crs_answers, crs) = match crs_result {
        Some((r, a)) => (Some(a), Some(r)),
        None => (None, None),
    };
    if crs.is_some() {
        notes.push(AssessText::CrsCanadianExperienceNotSettled.into());
    }
    notes.extend(crate::currency::notes(as_of, false));
    let mut assessment = Assessment {
        as_of,
        programs,
        categories,
        crs,
        crs_answers,
        facts,
        notes,
        outlook: None,
    };
    let draws = crate::draws::Draws::embedded();
    if !draws.rounds.is_empty() {
        let o = crate::draws::outlook::for_assessment(
            &assessment,
            profile.provincial_nomination,
            draws,
        );
        assessment.outlook = Some(o);
    }
    Ok(assessment)
}

/// One choice of first official language, assessed.
struct Choice {
    first: Option<Language>,
    answers: Option<CrsAnswers>,
    total: Option<u16>,
    cec: ProgramResult,
    fsw: ProgramResult,
    fst: ProgramResult,
    fsw_work: crate::programs::WorkFact,
    fst_work: crate::programs::WorkFact,
}

impl Choice {
    fn eligibility(&self) -> [Option<bool>; 3] {
        [self.cec.eligible, self.fsw.eligible, self.fst.eligible]
    }
    fn eligible_count(&self) -> usize {
        self.eligibility()
            .iter()
            .filter(|e| **e == Some(true))
            .count()
    }
}

/// Records dated after `as_of` do not count on it, whatever today is: each
/// is named in a note (tests are noted by `language_facts`, credentials by
/// `education_fact`).
fn later_records(profile: &Profile, as_of: Date, notes: &mut Vec<Text>) {
    let jobs = profile.work_history.iter().map(|j| (true, "", j.start));
    let spouse_jobs = profile
        .spouse
        .iter()
        .flat_map(|s| s.work_history.iter().map(|j| (true, "spouse.", j.start)));
    let study = profile.study_periods.iter().map(|s| (false, "", s.start));
    let mut index = [0usize; 3];
    for (job, prefix, start) in jobs.chain(spouse_jobs).chain(study) {
        let slot = match (job, prefix.is_empty()) {
            (true, true) => 0,
            (true, false) => 1,
            (false, _) => 2,
        };
        let i = index[slot];
        index[slot] += 1;
        if start > as_of {
            notes.push(
                AssessText::RecordAfterAsOf {
                    spouse: !prefix.is_empty(),
                    job,
                    index: i,
                    start,
                    as_of,
                }
                .into(),
            );
        }
    }
}

impl crate::draws::outlook::Assessed for Assessment {
    fn eligibility(&self, nominated: bool) -> crate::draws::Eligibility {
        let yes = |p: &ProgramResult| p.eligible == Some(true);
        crate::draws::Eligibility {
            cec: yes(&self.programs.cec),
            fsw: yes(&self.programs.fsw),
            fst: yes(&self.programs.fst),
            nominated,
            categories: self
                .categories
                .results
                .iter()
                .filter(|c| c.result.eligible == Some(true))
                .map(|c| c.slug)
                .collect(),
        }
    }

    fn crs_total(&self) -> Option<u16> {
        self.crs.as_ref().map(|c| c.total)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::hours::ExclusionReasons;
    use crate::text::{Lang, Say};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn age_counts_whole_years_and_leap_day_birthdays_turn_on_march_1() {
        assert_eq!(age_on(d("1997-11-24"), d("2026-11-24")), 29);
        assert_eq!(age_on(d("1997-11-25"), d("2026-11-24")), 28);
        assert_eq!(age_on(d("2000-02-29"), d("2025-02-28")), 24);
        assert_eq!(age_on(d("2000-02-29"), d("2025-03-01")), 25);
        assert_eq!(age_on(d("2000-02-29"), d("2028-02-29")), 28);
    }

    // --- Messages in English and French -----------------------------------

    use crate::text::{in_language, untranslated_count};
    use serde_json::{Value, json};

    const AS_OF: &str = "2026-11-24";

    fn ielts(l: f64, r: f64, w: f64, s: f64, date: &str) -> Value {
        json!({"test": "ielts_general", "test_date": date, "listening": l, "reading": r, "writing": w, "speaking": s})
    }

    fn job(noc: &str, start: &str, end: Option<&str>, hours: f64) -> Value {
        json!({"noc": noc, "country": "CA", "start": start, "end": end, "hours_per_week": hours})
    }

    fn profile(jobs: Vec<Value>, tests: Vec<Value>) -> Value {
        json!({
            "as_of": AS_OF,
            "date_of_birth": "1996-05-01",
            "language_tests": tests,
            "work_history": jobs,
            "intended_province": "ON"
        })
    }

    fn run(p: &Value) -> Assessment {
        let profile = crate::profile::parse_profile(&p.to_string()).unwrap();
        assess(&profile, d(AS_OF)).unwrap()
    }

    /// The assessment as JSON in French, after checking that the parts
    /// assess.rs writes (CEC checklist and notes, assessment notes, education
    /// and language-test facts) hold no English-only text.
    fn french(a: &Assessment) -> Value {
        let before = untranslated_count();
        let owned = in_language(Lang::Fr, || {
            serde_json::to_string(&(
                &a.programs.cec,
                &a.notes,
                &a.facts.education,
                &a.facts.language_tests,
            ))
        })
        .unwrap();
        assert_eq!(untranslated_count(), before, "English-only text in {owned}");
        let whole = in_language(Lang::Fr, || serde_json::to_string(a)).unwrap();
        serde_json::from_str(&whole).unwrap()
    }

    fn cec_detail(a: &Value, id: &str) -> String {
        let reqs = a["programs"]["cec"]["requirements"].as_array().unwrap();
        let r = reqs.iter().find(|r| r["id"] == id).unwrap();
        r["detail"].as_str().unwrap().to_string()
    }

    fn strings(v: &Value) -> Vec<&str> {
        v.as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }

    #[test]
    fn capped_hours_and_the_projection_in_french() {
        // 40 h a week from 2026-01-24: capped at 30, not yet 1,560 hours.
        let a = run(&profile(
            vec![job("21232", "2026-01-24", None, 40.0)],
            vec![ielts(8.0, 7.0, 7.0, 7.0, "2026-01-15")],
        ));
        let work = a
            .programs
            .cec
            .requirements
            .iter()
            .find(|r| r.id == "cec.work_experience")
            .unwrap();
        assert_eq!(
            work.detail.en(),
            "1,302 qualifying hours in Canada between 2023-11-24 and 2026-11-23 (1,560 needed); not counted: hours above 30 a week across all jobs do not count; if your current work continues at the same hours, you reach 1,560 hours on 2027-01-23"
        );
        let fr = french(&a);
        assert_eq!(
            cec_detail(&fr, "cec.work_experience"),
            "1\u{202f}302 heures de travail qualifié admissibles au Canada entre le 2023-11-24 et le 2026-11-23 (1\u{202f}560 requises); non comptées : les heures au-delà de 30 par semaine, tous emplois confondus, ne comptent pas; si vous continuez à travailler le même nombre d’heures, vous atteindrez 1\u{202f}560 heures le 2027-01-23"
        );
        assert_eq!(
            cec_detail(&fr, "cec.language"),
            "Il faut CLB 7 dans les quatre habiletés, car le travail admissible relève de la FEER 0 ou 1; votre résultat en anglais est CLB compréhension de l’oral 9, compréhension de l’écrit 9, expression écrite 9, expression orale 9 (les quatre habiletés sont à 9)"
        );
        assert_eq!(
            cec_detail(&fr, "cec.language_test_valid"),
            "Le test IELTS General Training passé le 2026-01-15 est valide jusqu’au 2028-01-14"
        );
        assert_eq!(
            strings(&fr["programs"]["cec"]["notes"]),
            [
                "L’interdiction de territoire (motifs sanitaires, sécurité, criminalité) n’est pas évaluée."
            ]
        );
    }

    #[test]
    fn mixed_teer_in_french() {
        // TEER 1 throughout, TEER 3 for five months: TEER 0/1 work is needed.
        let a = run(&profile(
            vec![
                job("21232", "2024-01-01", None, 30.0),
                job("13110", "2026-06-01", None, 30.0),
            ],
            vec![ielts(6.0, 5.0, 5.0, 5.0, "2026-01-15")],
        ));
        let fr = french(&a);
        assert_eq!(
            cec_detail(&fr, "cec.language"),
            "Il faut CLB 7 dans les quatre habiletés, car le travail de FEER 0 ou 1 est nécessaire pour atteindre 1\u{202f}560 heures (FEER mixtes : règle non établie); votre résultat en anglais est CLB compréhension de l’oral 7, compréhension de l’écrit 6, expression écrite 5, expression orale 5 (niveau le plus faible : expression écrite et expression orale, à 5)"
        );
        assert!(
            strings(&fr["programs"]["cec"]["notes"])
                .contains(&"Votre travail admissible combine des professions de FEER 0 ou 1 et de FEER 2 ou 3. La règle d’IRCC pour les FEER mixtes n’est pas établie; landed applique CLB/NCLC 7, car du travail de FEER 0 ou 1 est nécessaire pour atteindre 1\u{202f}560 heures."),
            "{fr}"
        );
        // English unchanged.
        let lang = &a.programs.cec.requirements[1];
        assert_eq!(
            lang.detail.en(),
            "CLB 7 needed in all four abilities because TEER 0 or 1 work is needed to reach 1,560 hours (mixed TEER: not settled); your English result is CLB listening 7, reading 6, writing 5, speaking 5 (lowest: writing and speaking at 5)"
        );
    }

    #[test]
    fn nothing_recorded_in_french() {
        let mut p = profile(vec![], vec![]);
        p["intended_province"] = Value::Null;
        let a = run(&p);
        let fr = french(&a);
        assert_eq!(
            cec_detail(&fr, "cec.work_experience"),
            "Aucun emploi enregistré; la CEC exige 1\u{202f}560 heures de travail qualifié au Canada entre le 2023-11-24 et le 2026-11-23"
        );
        assert_eq!(
            cec_detail(&fr, "cec.language"),
            "Aucun test de langue enregistré; la CEC exige CLB/NCLC 7 dans les quatre habiletés pour un travail de FEER 0 ou 1, ou 5 pour un travail de FEER 2 ou 3"
        );
        assert_eq!(
            cec_detail(&fr, "cec.province"),
            "Province de destination non indiquée : la CEC exige que vous prévoyiez vivre en dehors du Québec"
        );
        assert_eq!(
            cec_detail(&fr, "cec.education"),
            "Il n’y a aucune exigence en matière d’études pour la catégorie de l’expérience canadienne (CEC)"
        );
        assert_eq!(
            strings(&fr["notes"]),
            [
                "Aucune note du SCG : il faut un résultat de test de langue valide (datant de moins de deux ans à la date de l’évaluation)"
            ]
        );
    }

    #[test]
    fn notes_and_facts_in_french() {
        // Married without spouse details, French declared but only English
        // tested (one expired, one with bands under the chart), in Quebec,
        // a foreign degree without ECA and a Canadian diploma.
        let mut p = profile(
            vec![job("13110", "2024-01-01", None, 30.0)],
            vec![
                ielts(3.5, 6.0, 6.0, 6.0, "2026-01-15"),
                ielts(8.0, 7.0, 7.0, 7.0, "2023-01-15"),
            ],
        );
        p["marital_status"] = json!("married");
        p["first_official_language"] = json!("french");
        p["intended_province"] = json!("QC");
        p["education"] = json!([
            {"level": "masters", "in_canada": false, "eca": false},
            {"level": "two_year", "in_canada": true, "program_years": 2, "completed_on": "2020-05-01"}
        ]);
        let a = run(&p);
        let fr = french(&a);
        // French is declared first but untested: CEC's minimum is met by
        // either official language, so the English result is the one read.
        assert_eq!(
            cec_detail(&fr, "cec.language"),
            "Il faut CLB 5 dans les quatre habiletés, car le travail admissible relève de la FEER 2 ou 3; votre résultat en anglais est CLB compréhension de l’oral 0, compréhension de l’écrit 7, expression écrite 7, expression orale 7 (niveau le plus faible : compréhension de l’oral, à 0)"
        );
        assert_eq!(
            cec_detail(&fr, "cec.language_test_valid"),
            "Le test IELTS General Training passé le 2026-01-15 est valide jusqu’au 2028-01-14"
        );
        assert_eq!(
            cec_detail(&fr, "cec.province"),
            "Vous prévoyez vivre au Québec : le Québec sélectionne ses propres travailleurs qualifiés; voyez plutôt le Programme de l’expérience québécoise (PEQ)"
        );
        let notes = strings(&fr["notes"]);
        assert!(
            notes.contains(&"Le français est déclaré comme première langue officielle, mais aucun résultat de test valide dans cette langue n’existe le 2026-11-24"),
            "{notes:?}"
        );
        assert!(
            notes[0].starts_with("language_tests[1] (IELTS General Training, 2023-01-15) n’est pas pris en compte : il a expiré le 2025-01-14"),
            "{notes:?}"
        );
        assert!(
            notes[1].starts_with("Vous êtes marié ou en union de fait"),
            "{notes:?}"
        );
        assert_eq!(
            strings(&fr["facts"]["language_tests"][0]["notes"]),
            [
                "Le résultat en compréhension de l’oral (3,5) est inférieur au niveau le plus bas du tableau d’équivalence pour IELTS General Training (CLB 4) : niveau 0, qui ne rapporte aucun point"
            ]
        );
        let edu = strings(&fr["facts"]["education"]["notes"]);
        assert_eq!(
            edu[0],
            "education[0] est un diplôme étranger sans évaluation des diplômes d’études (EDE) : il ne rapporte aucun point du SCG tant qu’il n’a pas été évalué"
        );
        assert!(edu[1].starts_with("Les points pour études au Canada supposent"));
        // The same in English, as it always read.
        assert_eq!(
            a.facts.language_tests[0].notes[0].en(),
            "listening 3.5 is below the lowest level of the IELTS General Training chart (CLB 4): level 0, which earns no points"
        );
        assert_eq!(
            a.notes[2].en(),
            "French is declared as first official language but has no valid test result on 2026-11-24"
        );
    }

    #[test]
    fn tef_scale_notes_in_french() {
        let tef = json!({"test": "tef_canada", "test_date": "2025-06-01", "listening": 400, "reading": 400, "writing": 400, "speaking": 400});
        let a = run(&profile(
            vec![job("13110", "2024-01-01", None, 30.0)],
            vec![tef],
        ));
        let fr = french(&a);
        let notes = strings(&fr["facts"]["language_tests"][0]["notes"]);
        assert_eq!(
            notes[0],
            "tef_scale non indiqué : les résultats sont lus comme des résultats du TEF Canada sur 699, l’échelle par défaut pour les tests passés à partir du 2019-10-01"
        );
        assert!(notes[1].starts_with(
            "Le profil Entrée express demande les valeurs « Équivalence ancien score »"
        ));
    }

    #[test]
    fn an_hour_or_none_is_singular_in_french() {
        let m = CecText::WorkExperience {
            recorded: true,
            hours: 1.5,
            from: d("2023-11-24"),
            to: d("2026-11-23"),
            not_counted: ExclusionReasons::default(),
            reaches_on: None,
            needed: 1560,
        };
        assert_eq!(
            m.text_in(Lang::Fr),
            "1 heure de travail qualifié admissible au Canada entre le 2023-11-24 et le 2026-11-23 (1\u{202f}560 requises)"
        );
        assert_eq!(
            m.text_in(Lang::En),
            "1 qualifying hours in Canada between 2023-11-24 and 2026-11-23 (1,560 needed)"
        );
    }
}
