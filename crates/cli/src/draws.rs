//! `landed draws`: IRCC's rounds of invitations (the newest valid copy:
//! embedded, or the local one `landed draws update` keeps), filtered by type
//! and period, as a table, CSV, JSON or JSON Lines; and `landed draws update`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use landed_rules::draws::text::type_name;
use landed_rules::draws::{Draws, Filter, IRCC_PAGE, Round};
use landed_rules::text::Lang;
use landed_web::draws_store::{self, Origin};

use crate::OutputLang;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DrawsFormat {
    /// A readable table.
    Table,
    /// Comma-separated values with a header row (RFC 4180 quoting).
    Csv,
    /// One JSON document: `{data_as_of, source, rounds}`.
    Json,
    /// One round per line, each with `data_as_of`.
    Jsonl,
}

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct DrawsArgs {
    #[command(subcommand)]
    pub action: Option<DrawsAction>,
    /// Only rounds of this type (repeat, or comma-separate): general, cec, fsw, fst, pnp,
    /// french, healthcare, stem, trades, transport, agriculture, education, physicians,
    /// senior-managers, researchers, skilled-military, other.
    #[arg(long = "type", value_name = "TYPE")]
    pub types: Vec<String>,
    /// Only rounds on or after this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only rounds on or before this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: DrawsFormat,
    /// Language of the table's labels and type names (slugs and fields do not change).
    #[arg(long, value_enum, default_value = "en", env = "LANDED_LANG")]
    pub lang: OutputLang,
    /// The local copy [default: $XDG_DATA_HOME/landed/ee_rounds_123_en.json].
    #[arg(long, env = "LANDED_DRAWS_FILE", value_name = "FILE", global = true)]
    pub draws_file: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum DrawsAction {
    /// Fetch IRCC's rounds JSON, validate it and replace the local copy atomically.
    #[command(after_help = "\
Examples:
  landed draws update
  landed draws update --from ee_rounds_123_en.json
  landed draws update --from https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json

The new file must parse round by round, number its rounds with no gap, keep every round of the
copy in use and not be older; otherwise the copy in use stays and nothing is written.")]
    Update {
        /// A URL (http:// or https://) or a file [default: IRCC's address].
        #[arg(long, value_name = "URL|FILE")]
        from: Option<String>,
    },
}

/// Put the newest valid copy in use (a warning on stderr when a local copy is unusable).
pub fn use_newest(draws_file: Option<&std::path::Path>) -> std::sync::Arc<Draws> {
    let (d, warning) = draws_store::init(draws_file);
    if let Some(w) = warning {
        eprintln!("landed: warning: {w}");
    }
    d
}

pub fn run(args: DrawsArgs) -> ExitCode {
    match args.action {
        Some(DrawsAction::Update { from }) => update(from, args.draws_file),
        None => list(&args),
    }
}

fn update(from: Option<String>, draws_file: Option<PathBuf>) -> ExitCode {
    let path = match draws_store::resolve(draws_file.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("landed draws update: {e}");
            return ExitCode::from(2);
        }
    };
    let origin = from.as_deref().map_or_else(Origin::ircc, Origin::parse);
    match draws_store::update(&origin, &path) {
        Ok(u) => {
            if u.written {
                println!(
                    "Updated {}: {} rounds, data as of {} (was {}; {} new).",
                    u.path.display(),
                    u.rounds,
                    u.data_as_of,
                    u.previous,
                    u.added
                );
            } else {
                println!(
                    "Already up to date: {} rounds, data as of {} ({}).",
                    u.rounds,
                    u.data_as_of,
                    u.path.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("landed draws update: {origin}: {e}");
            ExitCode::from(1)
        }
    }
}

fn list(args: &DrawsArgs) -> ExitCode {
    let types: Vec<&str> = args.types.iter().map(String::as_str).collect();
    let filter = match Filter::parse(&types, args.since.as_deref(), args.until.as_deref()) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("landed draws: {e}");
            return ExitCode::from(2);
        }
    };
    let draws = use_newest(args.draws_file.as_deref());
    let lang: Lang = args.lang.into();
    let mut out = std::io::stdout().lock();
    let text = match args.format {
        DrawsFormat::Json => {
            serde_json::to_string_pretty(&draws.output(&filter)).unwrap_or_default()
        }
        DrawsFormat::Jsonl => jsonl(&draws, &filter),
        DrawsFormat::Csv => csv(&draws, &filter),
        DrawsFormat::Table => table(&draws, &filter, lang),
    };
    let _ = writeln!(out, "{}", text.trim_end());
    ExitCode::SUCCESS
}

#[derive(serde::Serialize)]
struct Line<'a> {
    data_as_of: landed_rules::Date,
    #[serde(flatten)]
    round: &'a Round,
}

fn jsonl(draws: &Draws, filter: &Filter) -> String {
    let mut s = String::new();
    for r in draws.select(filter) {
        let line = Line {
            data_as_of: draws.data_as_of,
            round: r,
        };
        s.push_str(&serde_json::to_string(&line).unwrap_or_default());
        s.push('\n');
    }
    s
}

/// RFC 4180: quote a field holding a comma, a quote or a line break.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv(draws: &Draws, filter: &Filter) -> String {
    let mut s = String::from(
        "number,date,type,name,invitations,cutoff,tie_break,distribution_as_of,data_as_of\n",
    );
    for r in draws.select(filter) {
        let cols = [
            field(&r.number),
            r.date.to_string(),
            r.kind.slug().to_string(),
            field(&r.name),
            r.invitations.to_string(),
            r.cutoff.to_string(),
            field(r.tie_break.as_deref().unwrap_or("")),
            r.distribution_as_of
                .map(|d| d.to_string())
                .unwrap_or_default(),
            draws.data_as_of.to_string(),
        ];
        s.push_str(&cols.join(","));
        s.push('\n');
    }
    s
}

fn table(draws: &Draws, filter: &Filter, lang: Lang) -> String {
    let rounds: Vec<&Round> = draws.select(filter).collect();
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_width(110);
    t.set_header(vec![
        lang.pick("Round", "Ronde"),
        "Date",
        "Type",
        "Invitations",
        lang.pick("Cutoff", "Seuil"),
        lang.pick("Tie-break (UTC)", "Départage (UTC)"),
    ]);
    for r in &rounds {
        t.add_row(vec![
            r.number.clone(),
            r.date.to_string(),
            type_name(r.kind, lang).to_string(),
            landed_rules::text::In(&landed_rules::text::Num(u64::from(r.invitations)), lang)
                .to_string(),
            r.cutoff.to_string(),
            r.tie_break.as_deref().unwrap_or("").replacen('T', " ", 1),
        ]);
    }
    let head = match lang {
        Lang::En => format!(
            "Express Entry rounds of invitations: {} shown, data as of {}.\nSource: {IRCC_PAGE}",
            rounds.len(),
            draws.data_as_of
        ),
        Lang::Fr => format!(
            "Rondes d’invitations d’Entrée express : {} affichées, données au {}.\nSource : {IRCC_PAGE}",
            rounds.len(),
            draws.data_as_of
        ),
    };
    format!("{head}\n{t}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_names_with_commas() {
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(field("plain"), "plain");
    }
}
