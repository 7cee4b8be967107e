//! The input and output loop shared by the planning commands (`timeline`, `whatif`): they
//! read their input whole (one profile, a JSON array or JSON Lines; small), unlike the
//! streaming batch of `crs`/`assess`, and print one result per item in order, a bad item
//! giving `{"line": N, "error": {"field": …, "message": …}}` in its place and exit status 1.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use landed_rules::RulesError;
use landed_rules::text::{Lang, in_language};
use serde::Serialize;

use crate::Format;
use crate::line_error::{ErrorBody, LineError};

/// The whole text of `path` (`-`: standard input); on failure the error is
/// printed and `None` returned (the caller exits 2).
fn read(path: &Path) -> Option<String> {
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_string(&mut text))
    };
    match read {
        Ok(_) => Some(text),
        Err(e) => {
            eprintln!("landed: cannot read {}: {e}", path.display());
            None
        }
    }
}

/// Items of the input: (1-based line or array position, text).
fn split(input: &str) -> Vec<(usize, String)> {
    let trimmed = input.trim_start();
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && let Ok(value) = serde_json::from_str::<serde_json::Value>(input)
    {
        return match value {
            serde_json::Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| (i + 1, v.to_string()))
                .collect(),
            _ => vec![(1, input.to_string())],
        };
    }
    input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect()
}

/// Read `path`, run `one` on each item in `lang` and print the results in `format`
/// (`table` renders one result for `Format::Table`). Exit 0, 1 when an item failed, 2 when
/// the input cannot be read or is empty.
pub fn run_each<T: Serialize>(
    path: &Path,
    format: Format,
    lang: Lang,
    mut one: impl FnMut(&str) -> Result<T, RulesError>,
    table: impl Fn(&T) -> String,
) -> ExitCode {
    let Some(input) = read(path) else {
        return ExitCode::from(2);
    };
    let items = split(&input);
    if items.is_empty() {
        eprintln!("landed: the input is empty: give one JSON profile or JSON Lines");
        return ExitCode::from(2);
    }
    let several = items.len() > 1 || input.trim_start().starts_with('[');
    let mut failed = false;
    let mut out = Vec::new();
    let mut json_items: Vec<String> = Vec::new();
    in_language(lang, || {
        for (line, text) in &items {
            match (one(text), format) {
                (Ok(r), Format::Jsonl) => {
                    let _ = serde_json::to_writer(&mut out, &r);
                    out.push(b'\n');
                }
                // Each document keeps its fields in the contract's order.
                (Ok(r), Format::Json) => {
                    json_items.push(serde_json::to_string_pretty(&r).unwrap_or_default());
                }
                (Ok(r), Format::Table) => {
                    out.extend_from_slice(table(&r).as_bytes());
                    out.push(b'\n');
                }
                (Err(e), fmt) => {
                    failed = true;
                    let message = e.message();
                    let body = LineError {
                        line: *line,
                        error: ErrorBody {
                            field: e.field(),
                            message: &message,
                        },
                    };
                    match fmt {
                        Format::Jsonl => {
                            let _ = serde_json::to_writer(&mut out, &body);
                            out.push(b'\n');
                        }
                        Format::Json => {
                            json_items
                                .push(serde_json::to_string_pretty(&body).unwrap_or_default());
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
    if format == Format::Json {
        let doc = if several {
            format!("[\n{}\n]", json_items.join(",\n"))
        } else {
            json_items.pop().unwrap_or_default()
        };
        out.extend_from_slice(doc.as_bytes());
        out.push(b'\n');
    }
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(&out);
    let _ = stdout.flush();
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
