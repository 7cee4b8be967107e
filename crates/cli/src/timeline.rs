//! `landed timeline FILE [--until DATE] [--jobs-end DATE]`: what changes
//! ahead for a profile, dated (planning.md, "Timeline"). One profile (JSON)
//! or several (a JSON array or JSON Lines, one timeline per item, errors in
//! place as for `assess`).

use std::process::ExitCode;

use comfy_table::{Cell, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use landed_rules::planning::timeline::{Timeline, TimelineOptions, timeline};
use landed_rules::text::Lang;
use landed_rules::{Date, RulesError};

use crate::Format;

/// What the command was asked.
pub struct Request {
    pub format: Format,
    pub as_of: Option<Date>,
    pub lang: Lang,
    pub opts: TimelineOptions,
}

/// One profile's timeline.
pub fn one(text: &str, req: &Request, today: Date) -> Result<Timeline, RulesError> {
    let mut profile = landed_rules::profile::parse_profile(text)?;
    if let Some(d) = req.as_of {
        profile.as_of = Some(d);
    }
    timeline(&profile, today, &req.opts)
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
    crate::planning_input::run_each(
        path,
        req.format,
        req.lang,
        |item| one(item, req, today),
        table,
    )
}
