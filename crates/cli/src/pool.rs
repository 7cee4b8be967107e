//! `landed pool simulate` (issue 11 §5; `../shared/contracts/planning.md`,
//! "Pool"): a round of K invitations in a pool of candidates given as JSON
//! Lines `{"id": "…", "crs": 512, "submitted": "2026-03-01T10:00:00Z"}`.
//!
//! The input is read whole, then its lines are parsed on every core (a
//! million candidates are ~75 MB). A line that fails is reported on standard
//! error as `{"line": N, "error": {"field": …, "message": …}}`, the round is
//! simulated on the other lines, and the exit status is 1 (as batches do).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use landed_rules::RulesError;
use landed_rules::pool::{Candidate, Selection};
use landed_rules::text::Lang;

use crate::line_error::{ErrorBody, LineError};
use crate::{Format, OutputLang};

#[derive(Subcommand)]
pub enum PoolCommand {
    /// Simulate a round of invitations: CRS highest first, then earliest submission.
    #[command(after_help = "\
Examples:
  landed pool simulate --candidates pool.jsonl --invitations 3000
  cat pool.jsonl | landed pool simulate --candidates - --invitations 3000 --format json

Candidates are JSON Lines: {\"id\": \"a1\", \"crs\": 512, \"submitted\": \"2026-03-01T10:00:00Z\"}
(other fields are ignored). A line that fails is reported on standard error as
{\"line\": N, \"error\": {\"field\": ..., \"message\": ...}}; the round is simulated on the
other lines and the exit status is 1.")]
    Simulate(SimulateArgs),
}

#[derive(Args)]
pub struct SimulateArgs {
    /// JSON Lines of candidates, or - for standard input.
    #[arg(
        long,
        value_name = "FILE",
        required_unless_present = "round",
        conflicts_with = "round"
    )]
    candidates: Option<PathBuf>,
    /// A round's number: a synthetic pool drawn from its published score distribution.
    #[arg(long, value_name = "NUMBER")]
    round: Option<String>,
    /// How many invitations the round issues.
    #[arg(long, value_name = "K")]
    invitations: usize,
    /// Seed of the synthetic pool (--round): the same seed gives the same pool.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Output format (json and jsonl: the contract's object, pretty or on one line).
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Language of the table's labels (field names and numbers do not change).
    #[arg(long, value_enum, default_value = "en", env = "LANDED_LANG")]
    lang: OutputLang,
}

/// One input line. `id` must be there and be a string; it is not used.
#[derive(serde::Deserialize)]
struct Line {
    #[allow(dead_code)]
    id: String,
    crs: u16,
    submitted: jiff::Timestamp,
}

/// The highest CRS score there is (600 core and spouse + 600 additional).
const CRS_MAX: u16 = 1200;

fn parse(text: &[u8]) -> Result<Candidate, RulesError> {
    let Ok(text) = std::str::from_utf8(text) else {
        return Err(RulesError::invalid("", "the line is not UTF-8 text"));
    };
    // Fast path without path tracking; re-parse for the field path on error.
    let line: Line = match serde_json::from_str(text) {
        Ok(l) => l,
        Err(_) => landed_rules::json::from_str(text)?,
    };
    if line.crs > CRS_MAX {
        return Err(RulesError::invalid(
            "crs",
            format!("{} is above the highest CRS score ({CRS_MAX})", line.crs),
        ));
    }
    Ok(Candidate {
        crs: line.crs,
        submitted: line.submitted,
    })
}

/// What one thread made of its part of the input.
#[derive(Default)]
struct Part {
    candidates: Vec<Candidate>,
    /// Line numbers counted from the start of the part (1-based).
    errors: Vec<(usize, RulesError)>,
    lines: usize,
}

fn parse_part(bytes: &[u8]) -> Part {
    let mut part = Part {
        candidates: Vec::with_capacity(bytes.len() / 64),
        ..Part::default()
    };
    for line in bytes.split(|&b| b == b'\n') {
        part.lines += 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse(line) {
            Ok(c) => part.candidates.push(c),
            Err(e) => part.errors.push((part.lines, e)),
        }
    }
    part
}

/// Cut `bytes` into about `n` pieces at line ends.
fn pieces(bytes: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out = Vec::with_capacity(n);
    let mut rest = bytes;
    let target = bytes.len().div_ceil(n.max(1)).max(1);
    while rest.len() > target {
        match memchr::memchr(b'\n', &rest[target..]) {
            Some(i) => {
                let (a, b) = rest.split_at(target + i + 1);
                // The line end stays with its line (not a blank line of the next piece).
                out.push(&a[..a.len() - 1]);
                rest = b;
            }
            None => break,
        }
    }
    out.push(rest);
    out
}

/// Every candidate of `bytes` (JSON Lines), parsed on `threads` threads, and
/// the failed lines with their numbers.
fn parse_all(bytes: &[u8], threads: usize) -> (Vec<Candidate>, Vec<(usize, RulesError)>) {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    let parts: Vec<Part> = std::thread::scope(|s| {
        let handles: Vec<_> = pieces(bytes, threads)
            .into_iter()
            .map(|p| s.spawn(move || parse_part(p)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let total = parts.iter().map(|p| p.candidates.len()).sum();
    let mut candidates = Vec::with_capacity(total);
    let mut errors = Vec::new();
    let mut before = 0;
    for p in parts {
        candidates.extend_from_slice(&p.candidates);
        errors.extend(p.errors.into_iter().map(|(l, e)| (before + l, e)));
        before += p.lines;
    }
    (candidates, errors)
}

/// The input, read whole, with a progress bar by bytes for a large file on a terminal.
fn read_input(path: &PathBuf) -> Result<Vec<u8>, String> {
    let (mut reader, len): (Box<dyn Read>, Option<u64>) = if path.as_os_str() == "-" {
        (Box::new(std::io::stdin().lock()), None)
    } else {
        let file = std::fs::File::open(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let len = file.metadata().ok().map(|m| m.len());
        (Box::new(file), len)
    };
    let progress = (crate::stderr_is_terminal() && len.is_some_and(|n| n >= 1 << 24)).then(|| {
        let pb = ProgressBar::with_draw_target(len, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes}, eta {eta}")
        {
            pb.set_style(style);
        }
        pb
    });
    let mut bytes = Vec::with_capacity(len.unwrap_or(0) as usize);
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        match reader.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) => {
                bytes.extend_from_slice(&chunk[..n]);
                if let Some(pb) = &progress {
                    pb.inc(n as u64);
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(format!("cannot read the input: {e}")),
        }
    }
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    Ok(bytes)
}

/// The table's labels.
fn labels(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::En => [
            "Round of invitations, simulated",
            "Candidates in the pool",
            "Invitations issued",
            "Candidates invited",
            "Cutoff score (last invited)",
            "Tie-breaking rule (last invited submitted)",
        ],
        Lang::Fr => [
            "Ronde d’invitations, simulée",
            "Candidats dans le bassin",
            "Invitations émises",
            "Candidats invités",
            "Note limite (dernier invité)",
            "Règle de départage (profil du dernier invité soumis le)",
        ],
    }
}

fn table(s: &Selection, lang: Lang) -> String {
    let [title, pool, invitations, invited, cutoff, tie] = labels(lang);
    let none = "—".to_string();
    let mut t = comfy_table::Table::new();
    t.load_style(comfy_table::presets::UTF8_FULL_CONDENSED);
    for (label, value) in [
        (pool, s.pool.to_string()),
        (invitations, s.invitations.to_string()),
        (invited, s.invited.to_string()),
        (
            cutoff,
            s.cutoff.map_or_else(|| none.clone(), |c| c.to_string()),
        ),
        (tie, s.tie_break.map_or(none, |t| t.to_string())),
    ] {
        t.add_row(vec![label.to_string(), value]);
    }
    format!("{title}\n{t}\n{}", landed_rules::pool::SOURCE)
}

fn usage_error(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("landed: {msg}");
    ExitCode::from(2)
}

pub fn run(cmd: PoolCommand) -> ExitCode {
    let PoolCommand::Simulate(args) = cmd;
    let (mut pool, errors) = match (&args.candidates, &args.round) {
        (Some(path), _) => match read_input(path) {
            Ok(bytes) => {
                let threads = crate::batch::jobs();
                parse_all(&bytes, threads)
            }
            Err(e) => return usage_error(e),
        },
        (None, Some(round)) => match round_distribution(round) {
            Ok((distribution, until)) => {
                match landed_rules::pool::synthetic_pool(&distribution, args.seed, until) {
                    Ok(p) => (p, Vec::new()),
                    Err(e) => return usage_error(e),
                }
            }
            Err(e) => return usage_error(e),
        },
        (None, None) => return usage_error("give --candidates FILE or --round NUMBER"),
    };
    let mut stderr = std::io::stderr().lock();
    for (line, e) in &errors {
        let message = e.message();
        let body = LineError {
            line: *line,
            error: ErrorBody {
                field: e.field(),
                message: &message,
            },
        };
        let _ = writeln!(
            stderr,
            "{}",
            serde_json::to_string(&body).unwrap_or_default()
        );
    }
    let selection = landed_rules::pool::select(&mut pool, args.invitations);
    let text = match args.format {
        Format::Table => table(&selection, args.lang.into()),
        Format::Json => serde_json::to_string_pretty(&selection).unwrap_or_default(),
        Format::Jsonl => serde_json::to_string(&selection).unwrap_or_default(),
    };
    let mut out = std::io::stdout().lock();
    if writeln!(out, "{text}").is_err() {
        return ExitCode::from(1);
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The published distribution of round `number` and the day it was
/// published (submission times are drawn before it).
///
/// Not available yet: the rounds' data is `landed_rules::draws`, another
/// engineer's module; the lead wires it here once it is merged.
/// A round's published pool distribution (the newest valid copy of the
/// rounds: embedded, or a newer local one) and the time the pool was taken:
/// the distribution's date at 00:00 UTC, else the round's date.
fn round_distribution(
    number: &str,
) -> Result<(Vec<landed_rules::pool::ScoreRange>, jiff::Timestamp), String> {
    let draws = crate::draws::use_newest(None);
    let Some(round) = draws.rounds.iter().find(|r| r.number == number.trim()) else {
        return Err(format!(
            "--round {number}: no such round in the data (rounds 1 to {} as of {})",
            draws.rounds.first().map_or("0", |r| r.number.as_str()),
            draws.data_as_of
        ));
    };
    let Some(distribution) = &round.distribution else {
        return Err(format!(
            "--round {number}: IRCC published no pool distribution for this round ({}); use --candidates FILE",
            round.date
        ));
    };
    let ranges = distribution
        .iter()
        .map(|r| landed_rules::pool::ScoreRange {
            from: r.from,
            to: r.to,
            count: r.count,
        })
        .collect();
    let day = round.distribution_as_of.unwrap_or(round.date);
    let at: jiff::Timestamp = format!("{day}T00:00:00Z")
        .parse()
        .map_err(|e| format!("--round {number}: {e}"))?;
    Ok((ranges, at))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn lines_are_numbered_across_pieces_and_errors_name_their_field() {
        let mut input = String::new();
        for i in 0..1000 {
            match i {
                10 => input.push_str(
                    "{\"id\":\"x\",\"crs\":\"high\",\"submitted\":\"2026-03-01T10:00:00Z\"}\n",
                ),
                500 => input.push('\n'),
                700 => input.push_str(
                    "{\"id\":\"y\",\"crs\":1300,\"submitted\":\"2026-03-01T10:00:00Z\"}\n",
                ),
                _ => input.push_str(&format!(
                    "{{\"id\":\"c{i}\",\"crs\":{},\"submitted\":\"2026-03-01T10:{:02}:00Z\"}}\n",
                    300 + i % 300,
                    i % 60
                )),
            }
        }
        for threads in [1, 2, 3, 7] {
            let (pool, errors) = parse_all(input.as_bytes(), threads);
            assert_eq!(pool.len(), 997, "{threads}");
            let lines: Vec<(usize, &str)> = errors.iter().map(|(l, e)| (*l, e.field())).collect();
            assert_eq!(lines, [(11, "crs"), (701, "crs")], "{threads}");
        }
    }

    #[test]
    fn pieces_cover_the_input_at_line_ends() {
        let input = b"a\nbb\nccc\ndddd\ne";
        for n in 1..8 {
            let p = pieces(input, n);
            assert_eq!(p.join(&b'\n'), input.to_vec(), "{n}");
        }
    }
}
