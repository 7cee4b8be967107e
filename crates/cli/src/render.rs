//! Human-readable tables for the terminal.

use std::process::ExitCode;

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use landed_rules::assess::{Assessment, ProgramResult, Status};
use landed_rules::crs::CrsResult;
use landed_rules::noc::{Noc, SearchLang};

use crate::Format;

/// Table labels in the output language ([`landed_rules::text::in_language`]).
fn tr(en: &'static str, fr: &'static str) -> &'static str {
    landed_rules::text::output_language().pick(en, fr)
}

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
    t.set_header(vec![
        tr("Factor", "Facteur"),
        tr("Points", "Points"),
        tr("Max", "Max."),
        tr("Why", "Pourquoi"),
    ]);
    for l in &r.lines {
        t.add_row(vec![
            Cell::new(&l.factor),
            Cell::new(l.points).set_alignment(CellAlignment::Right),
            Cell::new(l.max).set_alignment(CellAlignment::Right),
            Cell::new(&l.basis),
        ]);
    }
    let mut s = format!(
        "{}",
        format_args!(
            "{} {} {} {} ({} {})\n  A {} {} · B {} {} · C {} {} · D {} {}\n",
            tr("CRS score", "Score SCG"),
            r.total,
            tr("on", "le"),
            r.as_of,
            tr("rules", "règles"),
            r.rule_set,
            tr("core", "facteurs de base"),
            r.core,
            tr("spouse", "époux ou conjoint"),
            r.spouse,
            tr("skill transferability", "transférabilité des compétences"),
            r.skill_transferability,
            tr("additional", "points supplémentaires"),
            r.additional
        )
    );
    s.push_str(&t.to_string());
    for n in &r.notes {
        s.push_str(&format!("\n{}{n}", tr("Note: ", "Remarque : ")));
    }
    s
}

fn mark(s: Status) -> &'static str {
    match s {
        Status::Met => tr("✔ met", "✔ rempli"),
        Status::NotMet => tr("✘ not met", "✘ non rempli"),
        Status::Unknown => tr("? unknown", "? inconnu"),
    }
}

fn verdict(p: &ProgramResult) -> &'static str {
    match p.eligible {
        Some(true) => tr("ELIGIBLE", "ADMISSIBLE"),
        Some(false) => tr("NOT ELIGIBLE", "NON ADMISSIBLE"),
        None => tr("UNKNOWN (missing facts)", "INCONNU (faits manquants)"),
    }
}

/// The FSW selection grid: one row per factor (adaptability's items indented).
fn grid_table(g: &landed_rules::programs::Grid) -> String {
    let mut t = table();
    t.set_header(vec![
        tr("FSW selection factor", "Facteur de sélection (PTQF)"),
        tr("Points", "Points"),
        tr("Max", "Max."),
        tr("Why", "Pourquoi"),
    ]);
    for l in &g.lines {
        let row = |id: &str, l: &landed_rules::programs::GridLine| {
            let pts = match l.up_to {
                Some(u) if u > l.points => format!("{} ({} {u})", l.points, tr("up to", "jusqu’à")),
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
        Cell::new(tr("total", "total")),
        Cell::new(g.total).set_alignment(CellAlignment::Right),
        Cell::new(g.max).set_alignment(CellAlignment::Right),
        Cell::new(format!(
            "{} {}{}",
            tr("pass mark", "note de passage"),
            g.pass_mark,
            if g.possible > g.total {
                format!(
                    "; {} {} {}",
                    tr("up to", "jusqu’à"),
                    g.possible,
                    tr(
                        "with facts not in the profile",
                        "avec des faits absents du profil"
                    )
                )
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
        Some(d) => format!(
            "{} ({} {d})\n",
            tr(
                "Category-based selection",
                "Sélection fondée sur les catégories"
            ),
            tr(
                "categories in force from",
                "catégories en vigueur depuis le"
            )
        ),
        None => format!(
            "{}\n",
            tr(
                "Category-based selection",
                "Sélection fondée sur les catégories"
            )
        ),
    };
    if !c.results.is_empty() {
        let mut t = table();
        t.set_header(vec![
            tr("Category", "Catégorie"),
            tr("Verdict", "Verdict"),
            tr("Why", "Pourquoi"),
        ]);
        for r in &c.results {
            let mut title = r.title.to_string();
            if !r.list_complete {
                title.push_str(tr(" [list incomplete]", " [liste incomplète]"));
            }
            if !r.list_verified {
                title.push_str(tr(" [unverified]", " [non vérifiée]"));
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
        s.push_str(&format!(
            "  {}{rule}\n",
            tr("Experience rule: ", "Règle d’expérience : ")
        ));
    }
    // Category-specific notes ([unverified] and [list incomplete] are in the titles).
    for r in &c.results {
        for n in r.result.notes.iter().filter(|n| {
            !n.starts_with("This occupation list")
                && !n.starts_with("Incomplete")
                && !n.starts_with("This rule")
        }) {
            s.push_str(&format!(
                "  {} ({}){}{n}\n",
                tr("Note", "Remarque"),
                r.title,
                tr(": ", " : ")
            ));
        }
    }
    for n in &c.notes {
        s.push_str(&format!("  {}{n}\n", tr("Note: ", "Remarque : ")));
    }
    s
}

/// The three programs side by side, each requirement with its reason, then the categories and the CRS.
pub fn assessment_table(a: &Assessment) -> String {
    let mut s = format!("{} {}\n", tr("Assessment as of", "Évaluation au"), a.as_of);
    let mut t = table();
    t.set_header(vec!["", "CEC", tr("FSW", "PTQF"), tr("FST", "PTMSF")]);
    t.add_row(vec![
        tr("Verdict", "Verdict"),
        verdict(&a.programs.cec),
        verdict(&a.programs.fsw),
        verdict(&a.programs.fst),
    ]);
    let ps = [&a.programs.cec, &a.programs.fsw, &a.programs.fst];
    for (label, suffix) in [
        (
            tr("Work experience", "Expérience de travail"),
            "work_experience",
        ),
        (tr("Language", "Langue"), "language"),
        (
            tr("Language test valid", "Test de langue valide"),
            "language_test_valid",
        ),
        (tr("Education", "Études"), "education"),
        (
            tr("Selection grid (67/100)", "Grille de sélection (67/100)"),
            "selection_grid",
        ),
        (
            tr("Job offer or certificate", "Offre d’emploi ou certificat"),
            "offer_or_certificate",
        ),
        (tr("Proof of funds", "Preuve de fonds"), "proof_of_funds"),
        (tr("Outside Quebec", "Hors du Québec"), "province"),
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
        Some(p) => {
            let lang = landed_rules::text::output_language();
            s.push_str(&format!(
                "{}{} ({})\n",
                tr(
                    "An invitation would be issued under: ",
                    "Une invitation serait émise au titre de : "
                ),
                p.abbreviation_in(lang),
                p.name_in(lang)
            ))
        }
        None => s.push_str(tr(
            "An invitation would be issued under: none of the three programs yet\n",
            "Une invitation serait émise au titre de : aucun des trois programmes pour l’instant\n",
        )),
    }
    for (name, p) in [
        (
            tr(
                "Canadian Experience Class",
                "Catégorie de l’expérience canadienne",
            ),
            &a.programs.cec,
        ),
        (
            tr("Federal Skilled Worker", "Travailleurs qualifiés (fédéral)"),
            &a.programs.fsw,
        ),
        (
            tr("Federal Skilled Trades", "Métiers spécialisés (fédéral)"),
            &a.programs.fst,
        ),
    ] {
        let mut t = table();
        t.set_header(vec![
            format!("{name}{}{}", tr(": ", " : "), verdict(p)),
            tr("Status", "État").into(),
            tr("Why", "Pourquoi").into(),
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
            s.push_str(&format!("  {}{n}\n", tr("Note: ", "Remarque : ")));
        }
    }
    s.push_str(&categories_table(&a.categories));
    match &a.crs {
        Some(crs) => s.push_str(&crs_table(crs)),
        None => s.push_str(tr(
            "CRS: not computed (see notes)",
            "SCG : non calculé (voir les remarques)",
        )),
    }
    s.push('\n');
    let f = &a.facts;
    let lang = landed_rules::text::output_language();
    let education = landed_rules::crs::education_words(f.education.crs_level, lang);
    let (hours, from, to) = (
        f.cec_experience.hours,
        f.cec_experience.tally.window_from,
        f.cec_experience.tally.window_to,
    );
    let (canadian, foreign) = (f.canadian_experience.years, f.foreign_experience.years);
    s.push_str(&match lang {
        landed_rules::text::Lang::En => format!(
            "Facts: age {}; CEC hours {hours:.0} ({from} to {to}); CRS Canadian experience {canadian} year(s), foreign {foreign} year(s); education for CRS: {education}\n",
            f.age
        ),
        landed_rules::text::Lang::Fr => format!(
            "Faits : âge {}; heures CEC {hours:.0} (du {from} au {to}); SCG : expérience canadienne {canadian} an(s), étrangère {foreign} an(s); études pour le SCG : {education}\n",
            f.age
        ),
    });
    for l in f.language_tests.iter().filter(|l| l.used) {
        s.push_str(&format!(
            "  {} {}{}{} ({} {})\n",
            l.test.display_name(),
            l.test_date,
            tr(": ", " : "),
            l.clb
                .map(|c| landed_rules::text::In(&landed_rules::text::Levels(c), lang).to_string())
                .unwrap_or_default(),
            tr("valid until", "valide jusqu’au"),
            l.valid_until
        ));
    }
    for n in &a.notes {
        s.push_str(&format!("{}{n}\n", tr("Note: ", "Remarque : ")));
    }
    if let Some(o) = &a.outlook {
        s.push_str(&format!(
            "{}{} ({} {})\n",
            tr("Past rounds: ", "Rondes passées : "),
            o.detail,
            tr("rounds up to", "rondes jusqu’au"),
            o.data_as_of
        ));
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
