//! `landed rules`: every rule table landed holds (id, effective periods,
//! source, grade, `verified_on`), the date the data is verified through, and
//! the reported changes not encoded — what landed knows, from where, checked when.

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use landed_rules::currency::{Catalogue, catalogue};

#[derive(Clone, Copy, ValueEnum)]
pub enum RulesFormat {
    Table,
    Json,
}

#[derive(Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: RulesFormat,
    /// Language of the labels and the pending changes' sentences.
    #[arg(long, value_enum, default_value = "en", env = "LANDED_LANG")]
    lang: crate::OutputLang,
}

pub fn run(args: RulesArgs) -> ExitCode {
    let c = match catalogue() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("landed rules: the embedded rule tables are invalid: {e}");
            return ExitCode::from(2);
        }
    };
    let fr = matches!(args.lang, crate::OutputLang::Fr);
    match args.format {
        RulesFormat::Json => match serde_json::to_string_pretty(c) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("landed rules: {e}");
                return ExitCode::from(2);
            }
        },
        RulesFormat::Table => print!("{}", table(c, fr)),
    }
    ExitCode::SUCCESS
}

fn table(c: &Catalogue, fr: bool) -> String {
    let tr = |en: &'static str, f: &'static str| if fr { f } else { en };
    let mut out = String::new();
    let through = c
        .rules_verified_through
        .map_or_else(|| "—".to_string(), |d| d.to_string());
    out.push_str(&format!(
        "{} {through}\n",
        tr(
            "Rules data verified against the published pages through",
            "Données de règles vérifiées par rapport aux pages publiées jusqu’au"
        )
    ));
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(vec![
            tr("Table", "Table"),
            tr("In force", "En vigueur"),
            tr("Grade", "Cote"),
            tr("Verified on", "Vérifiée le"),
            tr("Source", "Source"),
        ]);
    for table in &c.tables {
        for v in &table.versions {
            let period = match v.effective_to {
                Some(to) => format!("{} – {to}", v.effective_from),
                None => format!("{} –", v.effective_from),
            };
            t.add_row(vec![
                table.id.clone(),
                period,
                v.source.confidence.as_deref().unwrap_or("—").to_string(),
                v.verified_on
                    .map_or_else(|| "—".to_string(), |d| d.to_string()),
                format!("{}\n{}", v.source.title, v.source.href),
            ]);
        }
    }
    out.push_str(&format!("{t}\n"));
    if !c.pending.is_empty() {
        out.push_str(tr(
            "\nReported changes not encoded:\n",
            "\nChangements signalés non intégrés :\n",
        ));
        for p in &c.pending {
            let (what, status) = if fr {
                (&p.what_fr, &p.status_fr)
            } else {
                (&p.what, &p.status)
            };
            out.push_str(&format!(
                "- {} ({} {}): {what}; {status}\n",
                p.id,
                tr("reported from", "signalé à partir du"),
                p.reported_effective
            ));
            for s in &p.sources {
                out.push_str(&format!(
                    "    [{}] {} — {}\n",
                    s.confidence.as_deref().unwrap_or("—"),
                    s.title,
                    s.href
                ));
            }
        }
    }
    out
}
