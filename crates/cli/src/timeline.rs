//! `landed timeline FILE [--until DATE] [--jobs-end DATE]`: what changes
//! ahead for a profile, dated (planning.md, "Timeline"). One profile (JSON)
//! or several (JSON Lines, one timeline per line, errors in place as for
//! `assess`).

use std::io::Write;
use std::process::ExitCode;

use comfy_table::{Cell, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use landed_rules::planning::timeline::{Timeline, TimelineOptions, timeline};
use landed_rules::text::{Lang, in_language};
use landed_rules::{Date, RulesError};
use serde::Serialize;

use crate::Format;

/// What the command was asked.
pub struct Request {
    pub format: Format,
    pub as_of: Option<Date>,
    pub lang: Lang,
    pub opts: TimelineOptions,
}

#[derive(Serialize)]
struct LineError<'a> {
    line: usize,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    field: &'a str,
    message: &'a str,
}

/// One profile's timeline.
pub fn one(text: &str, req: &Request, today: Date) -> Result<Timeline, RulesError> {
    let mut profile = landed_rules::profile::parse_profile(text)?;
    if let Some(d) = req.as_of {
        profile.as_of = Some(d);
    }
    timeline(&profile, today, &req.opts)
}

/// The items of the input: the whole text when it is one JSON document,
/// else each non-blank line (1-based line numbers).
fn items(text: &str) -> Vec<(usize, &str)> {
    let trimmed = text.trim();
    let single =
        trimmed.starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(trimmed).is_ok();
    if single {
        return vec![(1, trimmed)];
    }
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .collect()
}

/// A readable table: date, event, what it means.
pub fn table(t: &Timeline) -> String {
    let tr = |en, fr| landed_rules::text::output_language().pick(en, fr);
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(110)
        .set_header(vec![
            tr("Date", "Date"),
            tr("Event", "Événement"),
            tr("What it means", "Ce que cela signifie"),
        ]);
    for e in &t.events {
        let mut what = e.kind.as_str().to_string();
        if let Some(p) = e.program {
            what.push_str(&format!(" ({})", p.abbreviation()));
        }
        if let Some(i) = e.test_index.or(e.permit_index).or(e.credential_index) {
            what.push_str(&format!(" [{i}]"));
        }
        if e.warning == Some(true) {
            what.push_str(" ⚠");
        }
        let detail = serde_json::to_value(e.detail)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        table.add_row(vec![
            Cell::new(e.date.to_string()),
            Cell::new(what),
            Cell::new(detail),
        ]);
    }
    let head = match landed_rules::text::output_language() {
        Lang::En => format!(
            "Timeline from {} to {}{}",
            t.as_of,
            t.until,
            t.jobs_end
                .map(|j| format!(", if every job ends on {j}"))
                .unwrap_or_default()
        ),
        Lang::Fr => format!(
            "Calendrier du {} au {}{}",
            t.as_of,
            t.until,
            t.jobs_end
                .map(|j| format!(", si chaque emploi prend fin le {j}"))
                .unwrap_or_default()
        ),
    };
    if t.events.is_empty() {
        let none = tr(
            "Nothing changes in this period.",
            "Rien ne change pendant cette période.",
        );
        return format!("{head}\n{none}");
    }
    format!("{head}\n{table}")
}

/// Run the command on a file (or `-`): exit 0, 1 when a profile failed, 2 on usage.
pub fn run(path: &std::path::Path, req: &Request, today: Date) -> ExitCode {
    let Some(text) = crate::whole_input::read(path) else {
        return ExitCode::from(2);
    };
    let items = items(&text);
    if items.is_empty() {
        eprintln!("landed: the input is empty: give one JSON profile or JSON Lines");
        return ExitCode::from(2);
    }
    let several = items.len() > 1;
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    let mut docs: Vec<String> = Vec::new();
    in_language(req.lang, || {
        for (line, item) in items {
            match one(item, req, today) {
                Ok(t) => match req.format {
                    Format::Table => {
                        let _ = writeln!(out, "{}", table(&t));
                    }
                    Format::Jsonl => {
                        let _ = serde_json::to_writer(&mut out, &t);
                        let _ = writeln!(out);
                    }
                    Format::Json => docs.push(serde_json::to_string_pretty(&t).unwrap_or_default()),
                },
                Err(e) => {
                    failed = true;
                    let message = e.message();
                    let body = LineError {
                        line,
                        error: ErrorBody {
                            field: e.field(),
                            message: &message,
                        },
                    };
                    match req.format {
                        Format::Jsonl => {
                            let _ = serde_json::to_writer(&mut out, &body);
                            let _ = writeln!(out);
                        }
                        Format::Json => {
                            docs.push(serde_json::to_string_pretty(&body).unwrap_or_default())
                        }
                        Format::Table => {
                            let field = if e.field().is_empty() {
                                "input"
                            } else {
                                e.field()
                            };
                            eprintln!("landed: line {line}: {field}: {message}");
                        }
                    }
                }
            }
        }
    });
    if req.format == Format::Json {
        // Each document keeps its fields in the contract's order.
        let doc = if several {
            format!("[\n{}\n]", docs.join(",\n"))
        } else {
            docs.pop().unwrap_or_default()
        };
        let _ = writeln!(out, "{doc}");
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
