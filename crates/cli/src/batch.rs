//! Batch mode (contracts README): one JSON object, a JSON array, or JSON Lines
//! in; one result per input line out, in input order. A bad line yields
//! `{"line": N, "error": {"field": …, "message": …}}` in its place and the run
//! goes on; the exit status is then 1.

use std::io::Write;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use landed_rules::{Date, RulesError};
use serde::Serialize;

use crate::{Format, render};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Crs,
    Assess,
}

/// One input item: its 1-based line number and its text.
struct Item<'a> {
    line: usize,
    text: std::borrow::Cow<'a, str>,
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

/// What one worker thread keeps from round to round.
struct Worker {
    out: Vec<u8>,
    errors: Vec<u8>,
    /// CRS lines already written as JSON (see [`crate::jsonl::LineCache`]).
    lines: crate::jsonl::LineCache,
}

enum Outcome {
    Crs(Box<landed_rules::crs::CrsResult>),
    Assess(Box<landed_rules::assess::Assessment>),
}

fn process(
    kind: Kind,
    text: &str,
    as_of: Option<Date>,
    today: Date,
) -> Result<Outcome, RulesError> {
    match kind {
        Kind::Crs => {
            // Fast path without path tracking; re-parse for the field path on error.
            let mut answers: landed_rules::crs::CrsAnswers = match serde_json::from_str(text) {
                Ok(a) => a,
                Err(_) => landed_rules::crs::parse_answers(text)?,
            };
            if as_of.is_some() {
                answers.as_of = as_of;
            }
            landed_rules::crs::score_answers(&answers, today).map(|r| Outcome::Crs(Box::new(r)))
        }
        Kind::Assess => {
            let mut profile = landed_rules::profile::parse_profile(text)?;
            if as_of.is_some() {
                profile.as_of = as_of;
            }
            landed_rules::assess::assess(&profile, today).map(|r| Outcome::Assess(Box::new(r)))
        }
    }
}

fn split(input: &str) -> Result<(Vec<Item<'_>>, bool), String> {
    let trimmed = input.trim_start();
    // A single document (possibly pretty-printed over several lines), or an array.
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && let Ok(value) = serde_json::from_str::<serde_json::Value>(input)
    {
        return Ok(match value {
            serde_json::Value::Array(items) => (
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| Item {
                        line: i + 1,
                        text: v.to_string().into(),
                    })
                    .collect(),
                false,
            ),
            _ => (
                vec![Item {
                    line: 1,
                    text: input.into(),
                }],
                true,
            ),
        });
    }
    let items: Vec<Item> = input
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Item {
            line: i + 1,
            text: l.into(),
        })
        .collect();
    if items.is_empty() {
        return Err("the input is empty: give one JSON object or JSON Lines".into());
    }
    Ok((items, false))
}

/// Write one item's result (or error) to `out` in `format`; returns whether it succeeded.
fn emit(
    out: &mut Vec<u8>,
    item: &Item,
    result: Result<Outcome, RulesError>,
    format: Format,
    errors: &mut Vec<u8>,
    lines: &mut crate::jsonl::LineCache,
) -> bool {
    match result {
        Ok(outcome) => {
            match format {
                Format::Jsonl => {
                    match &outcome {
                        Outcome::Crs(r) => crate::jsonl::write_crs(r, out, lines),
                        Outcome::Assess(r) => {
                            let _ = serde_json::to_writer(&mut *out, r);
                        }
                    }
                    out.push(b'\n');
                }
                Format::Json => {
                    let _ = match &outcome {
                        Outcome::Crs(r) => serde_json::to_writer_pretty(&mut *out, r),
                        Outcome::Assess(r) => serde_json::to_writer_pretty(&mut *out, r),
                    };
                }
                Format::Table => {
                    let text = match &outcome {
                        Outcome::Crs(r) => render::crs_table(r),
                        Outcome::Assess(r) => render::assessment_table(r),
                    };
                    out.extend_from_slice(text.as_bytes());
                    out.push(b'\n');
                }
            }
            true
        }
        Err(e) => {
            let message = e.message();
            let body = LineError {
                line: item.line,
                error: ErrorBody {
                    field: e.field(),
                    message: &message,
                },
            };
            match format {
                Format::Jsonl => {
                    let _ = serde_json::to_writer(&mut *out, &body);
                    out.push(b'\n');
                }
                Format::Json => {
                    let _ = serde_json::to_writer_pretty(&mut *out, &body);
                }
                Format::Table => {
                    let field = if e.field().is_empty() {
                        "input"
                    } else {
                        e.field()
                    };
                    let _ = writeln!(errors, "line {}: {field}: {message}", item.line);
                }
            }
            false
        }
    }
}

pub fn run(
    kind: Kind,
    input: &[u8],
    format: Format,
    as_of: Option<Date>,
    lang: landed_rules::text::Lang,
    today: Date,
) -> ExitCode {
    let Ok(text) = std::str::from_utf8(input) else {
        eprintln!("landed: the input is not UTF-8 text");
        return ExitCode::from(2);
    };
    let (items, single) = match split(text) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("landed: {e}");
            return ExitCode::from(2);
        }
    };
    let progress = if crate::stderr_is_terminal() && items.len() >= 10_000 {
        let pb =
            ProgressBar::with_draw_target(Some(items.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {human_pos}/{human_len} lines, eta {eta}")
        {
            pb.set_style(style);
        }
        Some(pb)
    } else {
        None
    };

    // Work in rounds, each round split across the cores; a round's output is
    // written before the next starts, so memory stays bounded whatever the
    // batch size, and lines stay in input order. A CRS result is ~4 KB of
    // JSON, an assessment ~20-40 KB: a few megabytes per worker and round
    // stay in cache and cost no fresh pages (large buffers were slower: the
    // page faults of growing them cost more than the scoring).
    let (per_worker, item_bytes) = match kind {
        Kind::Crs => (1_024, 5 << 10),
        Kind::Assess => (128, 48 << 10),
    };
    // LANDED_JOBS caps the worker threads (e.g. 1 to leave the other cores free).
    let threads = std::env::var("LANDED_JOBS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(8);
    let round_size = per_worker * threads;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut failed = 0;
    let pretty_array = format == Format::Json && !single;
    if pretty_array {
        let _ = out.write_all(b"[\n");
    }
    // One output buffer per worker, reused from round to round: fresh
    // buffers cost more in page faults than the scoring itself.
    let mut buffers: Vec<Worker> = (0..threads)
        .map(|_| Worker {
            out: Vec::with_capacity(per_worker * item_bytes),
            errors: Vec::new(),
            lines: crate::jsonl::LineCache::default(),
        })
        .collect();
    let mut first_round = true;
    for round in items.chunks(round_size) {
        let chunk = round.len().div_ceil(threads).max(1);
        let work = |part: &[Item<'_>], w: &mut Worker, first: bool| {
            // Each worker writes the explanations in the asked language.
            landed_rules::text::in_language(lang, || {
                let Worker { out, errors, lines } = w;
                out.clear();
                errors.clear();
                let mut failed = 0usize;
                for (i, item) in part.iter().enumerate() {
                    if pretty_array && !(first && i == 0) {
                        out.extend_from_slice(b",\n");
                    }
                    let r = process(kind, &item.text, as_of, today);
                    if !emit(out, item, r, format, errors, lines) {
                        failed += 1;
                    }
                }
                failed
            })
        };
        let parts: Vec<&[Item<'_>]> = round.chunks(chunk).collect();
        // `None`: the worker stopped (a bug); its part is reported, not half-written.
        let failures: Vec<Option<usize>> = if parts.len() == 1 {
            vec![Some(work(parts[0], &mut buffers[0], first_round))]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = parts
                    .iter()
                    .zip(buffers.iter_mut())
                    .enumerate()
                    .map(|(k, (part, w))| {
                        let work = &work;
                        s.spawn(move || work(part, w, first_round && k == 0))
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().ok()).collect()
            })
        };
        first_round = false;
        for (
            (f, part),
            Worker {
                out: buf, errors, ..
            },
        ) in failures.into_iter().zip(&parts).zip(buffers.iter())
        {
            let Some(f) = f else {
                failed += part.len();
                let _ = out.flush();
                eprintln!(
                    "landed: internal error on lines {} to {}",
                    part.first().map_or(0, |i| i.line),
                    part.last().map_or(0, |i| i.line)
                );
                continue;
            };
            failed += f;
            let _ = out.write_all(buf);
            if !errors.is_empty() {
                let _ = out.flush();
                let _ = std::io::stderr().write_all(errors);
            }
        }
        if let Some(pb) = &progress {
            pb.inc(round.len() as u64);
        }
    }
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    if format == Format::Json {
        if pretty_array {
            let _ = out.write_all(b"\n]");
        }
        let _ = out.write_all(b"\n");
    }
    if out.flush().is_err() {
        return ExitCode::from(1);
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
