//! Human-readable tables for the terminal.

use std::process::ExitCode;

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use landed_rules::assess::{Assessment, ProgramResult, Status};
use landed_rules::crs::CrsResult;
use landed_rules::noc::{Noc, SearchLang};

use crate::Format;

fn table() -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(110);
    t
}

/// The CRS breakdown: one row per factor, then the section subtotals.
pub fn crs_table(r: &CrsResult) -> String {
    let mut t = table();
    t.set_header(vec!["Factor", "Points", "Max", "Why"]);
    for l in &r.lines {
        t.add_row(vec![
            Cell::new(&l.factor),
            Cell::new(l.points).set_alignment(CellAlignment::Right),
            Cell::new(l.max).set_alignment(CellAlignment::Right),
            Cell::new(&l.basis),
        ]);
    }
    let mut s = format!(
        "CRS score {} on {} (rules {})\n  A core {} · B spouse {} · C skill transferability {} · D additional {}\n",
        r.total, r.as_of, r.rule_set, r.core, r.spouse, r.skill_transferability, r.additional
    );
    s.push_str(&t.to_string());
    for n in &r.notes {
        s.push_str(&format!("\nNote: {n}"));
    }
    s
}

fn mark(s: Status) -> &'static str {
    match s {
        Status::Met => "✔ met",
        Status::NotMet => "✘ not met",
        Status::Unknown => "? unknown",
    }
}

fn verdict(p: &ProgramResult) -> &'static str {
    match p.eligible {
        Some(true) => "ELIGIBLE",
        Some(false) => "NOT ELIGIBLE",
        None => "UNKNOWN (missing facts)",
    }
}

/// The FSW selection grid: one row per factor (adaptability's items indented).
fn grid_table(g: &landed_rules::programs::Grid) -> String {
    let mut t = table();
    t.set_header(vec!["FSW selection factor", "Points", "Max", "Why"]);
    for l in &g.lines {
        let row = |id: &str, l: &landed_rules::programs::GridLine| {
            let pts = match l.up_to {
                Some(u) if u > l.points => format!("{} (up to {u})", l.points),
                _ => l.points.to_string(),
            };
            vec![
                Cell::new(id),
                Cell::new(pts).set_alignment(CellAlignment::Right),
                Cell::new(l.max).set_alignment(CellAlignment::Right),
                Cell::new(&l.detail),
            ]
        };
        t.add_row(row(l.id.trim_start_matches("fsw.grid."), l));
        for i in &l.items {
            t.add_row(row(
                &format!("  {}", i.id.rsplit('.').next().unwrap_or(i.id)),
                i,
            ));
        }
    }
    t.add_row(vec![
        Cell::new("total"),
        Cell::new(g.total).set_alignment(CellAlignment::Right),
        Cell::new(g.max).set_alignment(CellAlignment::Right),
        Cell::new(format!(
            "pass mark {}{}",
            g.pass_mark,
            if g.possible > g.total {
                format!("; up to {} with facts not in the profile", g.possible)
            } else {
                String::new()
            }
        )),
    ]);
    let mut s = t.to_string();
    s.push('\n');
    s
}

/// Category-based selection: one row per category in force, with every reason.
fn categories_table(c: &landed_rules::programs::CategorySelection) -> String {
    let mut s = match c.rules_from {
        Some(d) => format!("Category-based selection (categories in force from {d})\n"),
        None => "Category-based selection\n".to_string(),
    };
    if !c.results.is_empty() {
        let mut t = table();
        t.set_header(vec!["Category", "Verdict", "Why"]);
        for r in &c.results {
            let mut title = r.title.to_string();
            if !r.list_complete {
                title.push_str(" [list incomplete]");
            }
            if !r.list_verified {
                title.push_str(" [unverified]");
            }
            let why: Vec<String> = r
                .result
                .requirements
                .iter()
                .map(|q| format!("{} {}", mark(q.status), q.detail))
                .collect();
            t.add_row(vec![
                Cell::new(title),
                Cell::new(verdict(&r.result)),
                Cell::new(why.join("\n")),
            ]);
        }
        s.push_str(&t.to_string());
        s.push('\n');
    }
    if let Some(rule) = &c.experience_rule {
        s.push_str(&format!("  Experience rule: {rule}\n"));
    }
    // Category-specific notes ([unverified] and [list incomplete] are in the titles).
    for r in &c.results {
        for n in r.result.notes.iter().filter(|n| {
            !n.starts_with("This occupation list")
                && !n.starts_with("Incomplete")
                && !n.starts_with("This rule")
        }) {
            s.push_str(&format!("  Note ({}): {n}\n", r.title));
        }
    }
    for n in &c.notes {
        s.push_str(&format!("  Note: {n}\n"));
    }
    s
}

/// The three programs side by side, each requirement with its reason, then the categories and the CRS.
pub fn assessment_table(a: &Assessment) -> String {
    let mut s = format!("Assessment as of {}\n", a.as_of);
    let mut t = table();
    t.set_header(vec!["", "CEC", "FSW", "FST"]);
    t.add_row(vec![
        "Verdict",
        verdict(&a.programs.cec),
        verdict(&a.programs.fsw),
        verdict(&a.programs.fst),
    ]);
    let ps = [&a.programs.cec, &a.programs.fsw, &a.programs.fst];
    for (label, suffix) in [
        ("Work experience", "work_experience"),
        ("Language", "language"),
        ("Language test valid", "language_test_valid"),
        ("Education", "education"),
        ("Selection grid (67/100)", "selection_grid"),
        ("Job offer or certificate", "offer_or_certificate"),
        ("Proof of funds", "proof_of_funds"),
        ("Outside Quebec", "province"),
    ] {
        let cells: Vec<&str> = ps
            .iter()
            .map(|p| {
                p.requirements
                    .iter()
                    .find(|r| r.id.rsplit('.').next() == Some(suffix))
                    .map_or("—", |r| mark(r.status))
            })
            .collect();
        if cells.iter().any(|c| *c != "—") {
            t.add_row(vec![label, cells[0], cells[1], cells[2]]);
        }
    }
    s.push_str(&t.to_string());
    s.push('\n');
    match a.programs.invited_under {
        Some(p) => s.push_str(&format!(
            "An invitation would be issued under: {} ({})\n",
            p.abbreviation(),
            p.name()
        )),
        None => s.push_str("An invitation would be issued under: none of the three programs yet\n"),
    }
    for (name, p) in [
        ("Canadian Experience Class", &a.programs.cec),
        ("Federal Skilled Worker", &a.programs.fsw),
        ("Federal Skilled Trades", &a.programs.fst),
    ] {
        let mut t = table();
        t.set_header(vec![
            format!("{name}: {}", verdict(p)),
            "Status".into(),
            "Why".into(),
        ]);
        for r in &p.requirements {
            t.add_row(vec![
                Cell::new(&r.id),
                Cell::new(mark(r.status)),
                Cell::new(&r.detail),
            ]);
        }
        s.push_str(&t.to_string());
        s.push('\n');
        if let Some(g) = &p.grid {
            s.push_str(&grid_table(g));
        }
        for n in &p.notes {
            s.push_str(&format!("  Note: {n}\n"));
        }
    }
    s.push_str(&categories_table(&a.categories));
    match &a.crs {
        Some(crs) => s.push_str(&crs_table(crs)),
        None => s.push_str("CRS: not computed (see notes)"),
    }
    s.push('\n');
    let f = &a.facts;
    s.push_str(&format!(
        "Facts: age {}; CEC hours {:.0} ({} to {}); CRS Canadian experience {} year(s), foreign {} year(s); education for CRS: {}\n",
        f.age,
        f.cec_experience.hours,
        f.cec_experience.tally.window_from,
        f.cec_experience.tally.window_to,
        f.canadian_experience.years,
        f.foreign_experience.years,
        f.education.crs_level.describe(),
    ));
    for l in f.language_tests.iter().filter(|l| l.used) {
        s.push_str(&format!(
            "  {} {}: {} (valid until {})\n",
            l.test.display_name(),
            l.test_date,
            l.clb.summary(),
            l.valid_until
        ));
    }
    for n in &a.notes {
        s.push_str(&format!("Note: {n}\n"));
    }
    s
}

pub enum NocRequest {
    Search {
        query: String,
        lang: SearchLang,
        limit: usize,
        format: Format,
    },
    Show {
        code: String,
        format: Format,
    },
}

pub fn noc(req: NocRequest) -> ExitCode {
    let cat = match landed_rules::noc::catalogue() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("landed: {e}");
            return ExitCode::from(1);
        }
    };
    match req {
        NocRequest::Search {
            query,
            lang,
            limit,
            format,
        } => {
            let hits = cat.search(&query, lang, limit);
            match format {
                Format::Table => {
                    if hits.is_empty() {
                        println!("No occupation matches {query:?}.");
                        return ExitCode::SUCCESS;
                    }
                    let mut t = table();
                    t.set_header(vec!["NOC", "TEER", "Unit group", "Matching job title"]);
                    for h in &hits {
                        t.add_row(vec![
                            h.code.to_string(),
                            h.teer.level().to_string(),
                            h.title.clone(),
                            h.matched_title.clone().unwrap_or_default(),
                        ]);
                    }
                    println!("{t}");
                }
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(&hits).unwrap_or_default()
                ),
                Format::Jsonl => {
                    for h in &hits {
                        println!("{}", serde_json::to_string(h).unwrap_or_default());
                    }
                }
            }
            ExitCode::SUCCESS
        }
        NocRequest::Show { code, format } => {
            let group = Noc::parse(&code).and_then(landed_rules::noc::lookup);
            let g = match group {
                Ok(g) => g,
                Err(e) => {
                    eprintln!("landed: {}", e.message());
                    return ExitCode::from(1);
                }
            };
            match format {
                Format::Table => {
                    println!("{} {} ({})", g.code, g.title_en, g.teer);
                    println!("   {}", g.title_fr);
                    for (label, (c, t)) in [
                        ("Broad category", &g.broad_category),
                        ("Major group", &g.major_group),
                        ("Sub-major group", &g.sub_major_group),
                        ("Minor group", &g.minor_group),
                    ] {
                        println!("{label:>16}: {c} {t}");
                    }
                    if let Some(d) = &g.definition_en {
                        println!("\n{d}");
                    }
                    println!("\nExample titles ({}):", g.examples_en.len());
                    for e in g.examples_en.iter().take(25) {
                        println!("  - {e}");
                    }
                    if g.examples_en.len() > 25 {
                        println!(
                            "  … and {} more (--format json for all)",
                            g.examples_en.len() - 25
                        );
                    }
                }
                Format::Json | Format::Jsonl => {
                    let text = if format == Format::Json {
                        serde_json::to_string_pretty(g)
                    } else {
                        serde_json::to_string(g)
                    };
                    println!("{}", text.unwrap_or_default());
                }
            }
            ExitCode::SUCCESS
        }
    }
}
