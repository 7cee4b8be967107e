//! `landed whatif FILE [--target N]`: what raises the CRS, and the smallest
//! plan that reaches a target (contract: planning.md, "What-if").
//!
//! Input as for `assess`: one profile (JSON), a JSON array, or JSON Lines;
//! `-` reads standard input. One result per input item, in order; a bad item
//! gives `{"line": N, "error": {"field": …, "message": …}}` in its place and
//! the exit status 1.

use std::path::Path;
use std::process::ExitCode;

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use landed_rules::planning::whatif::{DefaultTarget, Target, Value, WhatIf, whatif};
use landed_rules::text::{Lang, output_language};
use landed_rules::{Date, RulesError};

use crate::Format;

fn tr(en: &'static str, fr: &'static str) -> &'static str {
    output_language().pick(en, fr)
}

fn one(
    text: &str,
    target: Option<Target>,
    as_of: Option<Date>,
    today: Date,
) -> Result<WhatIf, RulesError> {
    let mut profile = landed_rules::profile::parse_profile(text)?;
    if as_of.is_some() {
        profile.as_of = as_of;
    }
    let assessment = landed_rules::assess::assess(&profile, today)?;
    // The default target (from the draws data) is not wired yet: without
    // --target, `target` is null.
    whatif(
        &profile,
        &assessment,
        target,
        DefaultTarget::from_assessment(&assessment).as_ref(),
    )
}

/// Run the command; `target` is the flag's text, parsed here (an error names `target`).
pub fn run(
    path: &Path,
    target: Option<&str>,
    format: Format,
    as_of: Option<Date>,
    lang: Lang,
    today: Date,
) -> ExitCode {
    let target = match target.map(Target::parse).transpose() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("landed: {e}");
            return ExitCode::from(2);
        }
    };
    crate::planning_input::run_each(
        path,
        format,
        lang,
        |text| one(text, target, as_of, today),
        table,
    )
}

fn show(v: &Value) -> String {
    match v {
        Value::Level(n) | Value::Years(n) => n.to_string(),
        Value::Flag(b) => tr(
            if *b { "yes" } else { "no" },
            if *b { "oui" } else { "non" },
        )
        .to_string(),
        Value::Education(e) => serde_json::to_value(e)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        Value::CanadianEducation(e) => serde_json::to_value(e)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        Value::Language(None) => "—".to_string(),
        Value::Language(Some(l)) => format!(
            "{} {}/{}/{}/{}",
            l.language.benchmark(),
            l.listening,
            l.reading,
            l.writing,
            l.speaking
        ),
    }
}

/// The readable form: the options (gain, new total, the change, the day
/// experience is reached), then the target and the plan. The sentences are in
/// the JSON (`detail`).
pub fn table(w: &WhatIf) -> String {
    let mut s = format!(
        "{} {} {} {}\n",
        tr("CRS score", "Score SCG"),
        w.crs,
        tr("on", "le"),
        w.as_of
    );
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(110);
    t.set_header(vec![
        tr("Gain", "Gain"),
        tr("CRS", "SCG"),
        tr("Field", "Champ"),
        tr("From → to", "De → à"),
        tr("Reached on", "Atteint le"),
    ]);
    for o in &w.options {
        t.add_row(vec![
            Cell::new(format!("+{}", o.gain)).set_alignment(CellAlignment::Right),
            Cell::new(o.crs).set_alignment(CellAlignment::Right),
            Cell::new(o.field.path()),
            Cell::new(format!("{} → {}", show(&o.from), show(&o.to))),
            Cell::new(o.on.map_or(String::new(), |d| d.to_string())),
        ]);
    }
    if w.options.is_empty() {
        s.push_str(tr(
            "No single change raises the score.\n",
            "Aucun changement à lui seul n’augmente le score.\n",
        ));
    } else {
        s.push_str(&t.to_string());
        s.push('\n');
    }
    match (w.target, &w.target_basis) {
        (Some(target), Some(basis)) => {
            s.push_str(&format!(
                "{} {target} ({basis})\n",
                tr("Target:", "Cible :")
            ));
        }
        (Some(target), None) => s.push_str(&format!("{} {target}\n", tr("Target:", "Cible :"))),
        (None, _) => s.push_str(tr(
            "No target: give one with --target N.\n",
            "Aucune cible : indiquez-en une avec --target N.\n",
        )),
    }
    if let Some(plan) = &w.plan {
        s.push_str(&format!("{}\n", tr("Plan:", "Plan :")));
        for c in &plan.changes {
            s.push_str(&format!(
                "  {}: {} → {}\n",
                c.field.path(),
                show(&c.from),
                show(&c.to)
            ));
        }
        s.push_str(&format!("  {}\n", plan.detail));
    } else if let Some(note) = &w.plan_note {
        s.push_str(&format!("{note}\n"));
    }
    s
}
