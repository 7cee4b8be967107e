//! `landed`: CRS scores, full assessments, NOC search — and the web server.
#![forbid(unsafe_code)]

/// glibc malloc dominates batch runs (every result is ~50 small strings);
/// mimalloc roughly halves that cost. Measured in BENCHMARKS.md.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod batch;
mod draws;
mod jsonl;
mod line_error;
mod output;
mod planning_input;
mod pool;
mod render;
mod rules;
mod timeline;
mod totals;
mod whatif;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use landed_rules::Date;
use landed_rules::clb::{Clb, Language, LanguageLevels};
use landed_rules::crs::{
    CanadianEducation, CrsAnswers, EducationLevel, JobOfferAnswer, SpouseAnswers,
};

const AFTER_HELP: &str = "\
Examples:
  landed crs --age 29 --education bachelors --clb 7,9,9,9
  landed crs answers.jsonl --format jsonl > scores.jsonl
  landed assess profile.json
  landed assess profiles.jsonl --format jsonl --as-of 2026-11-24
  landed noc search \"software developer\"
  landed noc show 21231
  landed draws --type cec --since 2026-02-19

Rules are those in force on the assessment date (--as-of, default today).
Sources: every line of a result names where its rule is published.";

#[derive(Parser)]
#[command(name = "landed", version, about = "Canadian Experience Class and Express Entry: eligibility, CRS and NOC, explained.", after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable breakdown.
    Table,
    /// One pretty-printed JSON document (an array for several inputs).
    Json,
    /// One JSON object per line, in input order.
    Jsonl,
}

/// The language of the explanations.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputLang {
    /// English.
    En,
    /// French (français).
    Fr,
}

impl From<OutputLang> for landed_rules::text::Lang {
    fn from(l: OutputLang) -> Self {
        match l {
            OutputLang::En => landed_rules::text::Lang::En,
            OutputLang::Fr => landed_rules::text::Lang::Fr,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Score the Comprehensive Ranking System from answers (flags, a JSON/JSONL file, or - for stdin).
    #[command(after_help = "\
Examples:
  landed crs --age 29 --education bachelors --clb 7,9,9,9
  landed crs --age 31 --education masters --clb 9,9,9,9 --canadian-experience 1 \\
             --spouse-education bachelors --spouse-clb 7,7,7,7
  landed crs answers.jsonl --format jsonl
  echo '{\"age\":29,\"education\":\"bachelors\",\"first_language\":{\"language\":\"english\",\"listening\":7,\"reading\":9,\"writing\":9,\"speaking\":9},\"canadian_experience_years\":0}' | landed crs -

Language levels are CLB (English) or NCLC (French), in the order listening,reading,writing,speaking.
Input fields: ../shared/contracts/crs-answers.schema.json (copied in docs/contracts/).")]
    Crs(CrsArgs),
    /// Assess a full profile: CEC (and FSW, FST) eligibility, CRS, derived facts.
    #[command(after_help = "\
Examples:
  landed assess profile.json
  landed assess profiles.jsonl --format jsonl > results.jsonl
  cat profile.json | landed assess - --as-of 2026-06-30

A profile lists dated records: language tests, education, jobs (NOC code, dates, hours a week),
study periods, family. Fields: docs/contracts/profile.schema.json.")]
    Assess(AssessArgs),
    /// What raises your CRS score: every change ranked by gain, and the fewest changes that reach a target.
    #[command(after_help = "\
Examples:
  landed whatif profile.json --target 470
  landed whatif profile.json --target 470 --format json --lang fr
  landed whatif profiles.jsonl --target 500 --format jsonl > whatifs.jsonl

The target is a CRS score from 1 to 1,200. Options change one field of the assessment's
crs_answers at a time; the plan leaves out nomination, certificate and experience years.")]
    Whatif(WhatifArgs),
    /// What changes ahead: CEC hours, eligibility, CRS, test validity, and the deadlines, dated.
    #[command(after_help = "\
Examples:
  landed timeline profile.json
  landed timeline profile.json --until 2029-11-24 --jobs-end 2026-12-31 --format json
  landed timeline profiles.jsonl --format jsonl --lang fr

Each change is dated on the first day it holds. --jobs-end: every job without an end (or ending
later) ends on that day, the \"if I stop working\" question. Fields: docs/contracts/planning.md.")]
    Timeline(TimelineArgs),
    /// Search NOC 2021 occupations by job title, or show one unit group.
    #[command(subcommand)]
    Noc(NocCommand),
    /// IRCC's rounds of invitations: list them (by type, period) or update the local copy.
    #[command(after_help = "\
Examples:
  landed draws --type cec --since 2026-01-01
  landed draws --type french --type healthcare --format csv > rounds.csv
  landed draws --format json
  landed draws update

Every output says data_as_of, the date of the newest round in the copy in use.")]
    Draws(draws::DrawsArgs),
    /// Simulate a round of invitations in a pool of candidates.
    #[command(subcommand)]
    Pool(pool::PoolCommand),
    /// Every rule table landed holds: effective periods, source, grade, the day it was last verified, and reported changes not encoded.
    #[command(after_help = "\
Examples:
  landed rules
  landed rules --format json
  landed rules --lang fr")]
    Rules(rules::RulesArgs),
    /// Serve the web application and JSON API (the default when no command is given).
    #[command(after_help = "\
Examples:
  landed serve                                   # http://127.0.0.1:8080, ./landed.db
  landed serve --addr 0.0.0.0:8080 --database postgres://user@db/landed
  DATABASE_URL=sqlite:///var/lib/landed/landed.db landed serve")]
    Serve(Box<landed_web::ServeArgs>),
    /// Staff accounts and data retention.
    #[command(
        subcommand,
        after_help = "\
Examples:
  landed admin create-user staff@example.org     # prompts for the password
  echo \"$PASSWORD\" | landed admin create-user staff@example.org
  landed admin purge --older-than 365d"
    )]
    Admin(landed_web::AdminCommand),
}

/// The planning commands' options (table, json or jsonl; no totals or CSV).
#[derive(Args)]
struct PlanCommon {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Assess as of this date (YYYY-MM-DD); overrides `as_of` in the input. Default: the input's as_of, else today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
    /// Language of the explanations and table labels (field names and ids do not change).
    #[arg(long, value_enum, default_value = "en", env = "LANDED_LANG")]
    lang: OutputLang,
}

#[derive(Args)]
struct Common {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: totals::BatchFormat,
    /// How much of each result: `full` (default; every explanation) or `totals` (the numbers only, for spreadsheets; the default of --format csv).
    #[arg(long, value_enum, value_name = "full|totals")]
    detail: Option<totals::Detail>,
    /// Assess as of this date (YYYY-MM-DD); overrides `as_of` in the input. Default: the input's as_of, else today.
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
    /// Language of the explanations and table labels (field names and ids do not change).
    #[arg(long, value_enum, default_value = "en", env = "LANDED_LANG")]
    lang: OutputLang,
}

impl Common {
    /// `--detail`, checked against `--format` (see `totals::resolve`).
    fn detail(&self) -> Result<totals::Detail, &'static str> {
        totals::resolve(self.format, self.detail)
    }
}

#[derive(Args)]
struct CrsArgs {
    /// JSON or JSON Lines file of crs-answers, or - for standard input. Without it, the flags below are used.
    file: Option<PathBuf>,
    #[command(flatten)]
    common: Common,
    /// Age in whole years.
    #[arg(long)]
    age: Option<u8>,
    /// Highest level of education.
    #[arg(long, value_enum)]
    education: Option<Edu>,
    /// First official language.
    #[arg(long, value_enum, default_value = "english")]
    first_language: OfficialLanguageArg,
    /// First-language CLB/NCLC levels: listening,reading,writing,speaking (e.g. 7,9,9,9).
    #[arg(long, value_name = "L,R,W,S")]
    clb: Option<String>,
    /// Second-language levels: listening,reading,writing,speaking (the other official language).
    #[arg(long, value_name = "L,R,W,S")]
    second_clb: Option<String>,
    /// Years of skilled Canadian work experience in the last 10 years.
    #[arg(long, default_value_t = 0)]
    canadian_experience: u8,
    /// Years of skilled foreign work experience in the last 10 years.
    #[arg(long, default_value_t = 0)]
    foreign_experience: u8,
    /// Post-secondary credential earned in Canada.
    #[arg(long, value_enum, default_value = "none")]
    canadian_education: CanEdu,
    /// A certificate of qualification in a trade.
    #[arg(long)]
    certificate_of_qualification: bool,
    /// Arranged employment (points only before 2025-03-25).
    #[arg(long, value_enum, default_value = "none")]
    job_offer: Offer,
    /// A provincial or territorial nomination.
    #[arg(long)]
    provincial_nomination: bool,
    /// A brother or sister in Canada who is a citizen or PR.
    #[arg(long)]
    sibling_in_canada: bool,
    /// Accompanying spouse's education (gives the "with spouse" columns).
    #[arg(long, value_enum)]
    spouse_education: Option<Edu>,
    /// Spouse's first-language levels: listening,reading,writing,speaking.
    #[arg(long, value_name = "L,R,W,S")]
    spouse_clb: Option<String>,
    /// Spouse's years of skilled Canadian work experience.
    #[arg(long, default_value_t = 0)]
    spouse_canadian_experience: u8,
}

#[derive(Args)]
struct AssessArgs {
    /// JSON or JSON Lines file of profiles, or - for standard input.
    file: PathBuf,
    #[command(flatten)]
    common: Common,
    /// Rounds of invitations for `outlook`: a local copy, used when newer than the embedded one
    /// [default: $XDG_DATA_HOME/landed/ee_rounds_123_en.json].
    #[arg(long, env = "LANDED_DRAWS_FILE", value_name = "FILE")]
    draws_file: Option<PathBuf>,
}

#[derive(Args)]
struct WhatifArgs {
    /// JSON or JSON Lines file of profiles, or - for standard input.
    file: PathBuf,
    /// The CRS score to reach (1 to 1,200).
    #[arg(long, value_name = "N")]
    target: Option<String>,
    #[command(flatten)]
    common: PlanCommon,
}

#[derive(Args)]
struct TimelineArgs {
    /// JSON profile, JSON Lines of profiles, or - for standard input.
    file: PathBuf,
    #[command(flatten)]
    common: PlanCommon,
    /// Last day looked at (YYYY-MM-DD). Default: the assessment date + 5 years.
    #[arg(long, value_name = "DATE")]
    until: Option<Date>,
    /// Scenario: every ongoing job (or one ending later) ends on this day.
    #[arg(long, value_name = "DATE")]
    jobs_end: Option<Date>,
}

#[derive(Subcommand)]
enum NocCommand {
    /// Find unit groups by job title (English or French; typos and accents tolerated).
    #[command(
        after_help = "Examples:\n  landed noc search \"software developer\"\n  landed noc search \"développeur logiciel\" --lang fr\n  landed noc search 2123"
    )]
    Search {
        /// Words of a job title, or a code prefix.
        query: String,
        /// Language of the titles to search.
        #[arg(long, value_enum, default_value = "any")]
        lang: SearchLangArg,
        /// How many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Show one unit group: TEER, hierarchy and example titles.
    #[command(after_help = "Example:\n  landed noc show 21231")]
    Show {
        /// Five-digit NOC 2021 code.
        code: String,
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SearchLangArg {
    En,
    Fr,
    Any,
}

#[derive(Clone, Copy, ValueEnum)]
enum OfficialLanguageArg {
    English,
    French,
}

#[derive(Clone, Copy, ValueEnum)]
enum Edu {
    LessThanSecondary,
    Secondary,
    OneYear,
    TwoYear,
    Bachelors,
    TwoOrMore,
    Masters,
    Doctoral,
}

impl From<Edu> for EducationLevel {
    fn from(e: Edu) -> Self {
        match e {
            Edu::LessThanSecondary => EducationLevel::LessThanSecondary,
            Edu::Secondary => EducationLevel::Secondary,
            Edu::OneYear => EducationLevel::OneYear,
            Edu::TwoYear => EducationLevel::TwoYear,
            Edu::Bachelors => EducationLevel::Bachelors,
            Edu::TwoOrMore => EducationLevel::TwoOrMore,
            Edu::Masters => EducationLevel::Masters,
            Edu::Doctoral => EducationLevel::Doctoral,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum CanEdu {
    None,
    OneOrTwoYear,
    ThreeYearOrLonger,
}

#[derive(Clone, Copy, ValueEnum)]
enum Offer {
    None,
    MajorGroup00,
    Teer0123,
}

/// Today in the local time zone (falls back to UTC when none is configured).
pub fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

fn usage_error(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("landed: {msg}");
    ExitCode::from(2)
}

fn levels(text: &str, language: Language, flag: &str) -> Result<LanguageLevels, String> {
    let parts: Vec<&str> = text.split(',').map(str::trim).collect();
    if parts.len() != 4 {
        return Err(format!(
            "--{flag} takes four levels: listening,reading,writing,speaking (e.g. 7,9,9,9), got {text:?}"
        ));
    }
    let mut v = [Clb::ZERO; 4];
    for (i, p) in parts.iter().enumerate() {
        let n: u8 = p
            .parse()
            .map_err(|_| format!("--{flag}: {p:?} is not a level from 0 to 12"))?;
        v[i] = Clb::new(n).map_err(|e| format!("--{flag}: {}", e.message()))?;
    }
    Ok(LanguageLevels {
        language,
        listening: v[0],
        reading: v[1],
        writing: v[2],
        speaking: v[3],
    })
}

fn answers_from_flags(a: &CrsArgs) -> Result<CrsAnswers, String> {
    let age = a
        .age
        .ok_or("--age is required without an input file (or give FILE or -)")?;
    let education = a
        .education
        .ok_or("--education is required without an input file")?;
    let first = match a.first_language {
        OfficialLanguageArg::English => Language::English,
        OfficialLanguageArg::French => Language::French,
    };
    let clb = a
        .clb
        .as_deref()
        .ok_or("--clb L,R,W,S is required without an input file")?;
    Ok(CrsAnswers {
        as_of: a.common.as_of,
        age,
        education: education.into(),
        canadian_education: match a.canadian_education {
            CanEdu::None => CanadianEducation::None,
            CanEdu::OneOrTwoYear => CanadianEducation::OneOrTwoYear,
            CanEdu::ThreeYearOrLonger => CanadianEducation::ThreeYearOrLonger,
        },
        first_language: levels(clb, first, "clb")?,
        second_language: a
            .second_clb
            .as_deref()
            .map(|s| levels(s, first.other(), "second-clb"))
            .transpose()?,
        canadian_experience_years: a.canadian_experience,
        foreign_experience_years: a.foreign_experience,
        certificate_of_qualification: a.certificate_of_qualification,
        job_offer: match a.job_offer {
            Offer::None => JobOfferAnswer::None,
            Offer::MajorGroup00 => JobOfferAnswer::MajorGroup00,
            Offer::Teer0123 => JobOfferAnswer::Teer0123,
        },
        provincial_nomination: a.provincial_nomination,
        sibling_in_canada: a.sibling_in_canada,
        spouse: match a.spouse_education {
            Some(e) => Some(SpouseAnswers {
                education: e.into(),
                first_language: a
                    .spouse_clb
                    .as_deref()
                    .map(|s| levels(s, Language::English, "spouse-clb"))
                    .transpose()?,
                canadian_experience_years: a.spouse_canadian_experience,
            }),
            None => None,
        },
    })
}

/// The batch input: a file (with its size, for the progress bar) or `-` for
/// standard input, read as a stream.
fn open_input(path: &PathBuf) -> Result<batch::Input, String> {
    if path.as_os_str() == "-" {
        return Ok(batch::Input {
            reader: Box::new(std::io::stdin()),
            len: None,
        });
    }
    let file =
        std::fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let len = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    Ok(batch::Input {
        reader: Box::new(file),
        len,
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = today();
    match cli.command {
        None => match Cli::try_parse_from(["landed", "serve"]) {
            Ok(Cli {
                command: Some(Command::Serve(args)),
            }) => landed_web::run_serve(*args),
            Ok(_) => ExitCode::from(2),
            Err(e) => {
                let _ = e.print();
                ExitCode::from(2)
            }
        },
        Some(Command::Serve(args)) => landed_web::run_serve(*args),
        Some(Command::Admin(cmd)) => landed_web::run_admin(cmd),
        Some(Command::Crs(args)) => match (&args.file, args.common.detail()) {
            (_, Err(e)) => usage_error(e),
            (Some(path), Ok(detail)) => match open_input(path) {
                Ok(input) => batch::run(
                    batch::Kind::Crs,
                    input,
                    args.common.format,
                    detail,
                    args.common.as_of,
                    args.common.lang.into(),
                    today,
                ),
                Err(e) => usage_error(e),
            },
            (None, Ok(detail)) => match answers_from_flags(&args) {
                Ok(answers) => match landed_rules::crs::score_answers(&answers, today) {
                    Ok(result) => {
                        let mut out = std::io::stdout().lock();
                        let lang = args.common.lang.into();
                        let text = landed_rules::text::in_language(lang, || {
                            match (args.common.format, detail) {
                                (totals::BatchFormat::Table, _) => render::crs_table(&result),
                                (format, totals::Detail::Totals) => {
                                    totals::one_crs(&result, format)
                                }
                                (totals::BatchFormat::Json, _) => {
                                    serde_json::to_string_pretty(&result).unwrap_or_default()
                                }
                                _ => serde_json::to_string(&result).unwrap_or_default(),
                            }
                        });
                        let _ = writeln!(out, "{text}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("landed: {e}");
                        ExitCode::from(1)
                    }
                },
                Err(e) => usage_error(e),
            },
        },
        Some(Command::Assess(args)) => match (open_input(&args.file), args.common.detail()) {
            (_, Err(e)) => usage_error(e),
            (Ok(input), Ok(detail)) => {
                draws::use_newest(args.draws_file.as_deref());
                batch::run(
                    batch::Kind::Assess,
                    input,
                    args.common.format,
                    detail,
                    args.common.as_of,
                    args.common.lang.into(),
                    today,
                )
            }
            (Err(e), _) => usage_error(e),
        },
        Some(Command::Draws(args)) => draws::run(args),
        Some(Command::Whatif(args)) => whatif::run(
            &args.file,
            args.target.as_deref(),
            args.common.format,
            args.common.as_of,
            args.common.lang.into(),
            today,
        ),
        Some(Command::Timeline(args)) => timeline::run(
            &args.file,
            &timeline::Request {
                format: args.common.format,
                as_of: args.common.as_of,
                lang: args.common.lang.into(),
                opts: landed_rules::planning::timeline::TimelineOptions {
                    until: args.until,
                    jobs_end: args.jobs_end,
                },
            },
            today,
        ),
        Some(Command::Noc(cmd)) => render::noc(cmd_to_noc(cmd)),
        Some(Command::Rules(args)) => rules::run(args),
        Some(Command::Pool(cmd)) => pool::run(cmd),
    }
}

fn cmd_to_noc(cmd: NocCommand) -> render::NocRequest {
    match cmd {
        NocCommand::Search {
            query,
            lang,
            limit,
            format,
        } => render::NocRequest::Search {
            query,
            lang: match lang {
                SearchLangArg::En => landed_rules::noc::SearchLang::En,
                SearchLangArg::Fr => landed_rules::noc::SearchLang::Fr,
                SearchLangArg::Any => landed_rules::noc::SearchLang::Any,
            },
            limit,
            format,
        },
        NocCommand::Show { code, format } => render::NocRequest::Show { code, format },
    }
}

/// Whether progress may be drawn (stderr is a terminal).
pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}
