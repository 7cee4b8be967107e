//! Batch mode (contracts README): one JSON object, a JSON array, or JSON Lines
//! in; one result per input line out, in input order. A bad line yields
//! `{"line": N, "error": {"field": …, "message": …}}` in its place and the run
//! goes on; the exit status is then 1.
//!
//! JSON Lines are read as a stream, a round of lines at a time: memory stays
//! the same whatever the size of the batch, and results come out while the
//! input is still being read (`tail -f log | landed crs - --format jsonl`).
//! A single document, possibly pretty-printed over several lines, or a JSON
//! array, is read whole.

use std::io::Write;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use landed_rules::{Date, RulesError};

use crate::render;
mod input;
use crate::line_error::{ErrorBody, LineError};
pub use crate::totals::Kind;
use crate::totals::{BatchFormat as Format, Detail};
pub use input::Input;
use input::{Item, Lines, Round, is_blank, is_whole_value, split};
use landed_rules::totals::{AssessmentTotals, CrsTotals};

enum Outcome {
    Crs(Box<landed_rules::crs::CrsResult>),
    /// `--detail totals`: scored without building the explained lines.
    CrsTotals(CrsTotals<'static>),
    Assess(Box<landed_rules::assess::Assessment>),
}

fn process(
    kind: Kind,
    detail: Detail,
    text: Option<&str>,
    as_of: Option<Date>,
    today: Date,
) -> Result<Outcome, RulesError> {
    let Some(text) = text else {
        return Err(RulesError::invalid("", "the line is not UTF-8 text"));
    };
    match kind {
        Kind::Crs => {
            // Fast path without path tracking; re-parse for the field path on error.
            // Only an object takes the fast path: serde would read an array by position.
            let fast = text.trim_start().starts_with('{');
            let mut answers: landed_rules::crs::CrsAnswers =
                match fast.then(|| serde_json::from_str(text).ok()).flatten() {
                    Some(a) => a,
                    None => landed_rules::crs::parse_answers(text)?,
                };
            if as_of.is_some() {
                answers.as_of = as_of;
            }
            match detail {
                Detail::Full => landed_rules::crs::score_answers(&answers, today)
                    .map(|r| Outcome::Crs(Box::new(r))),
                Detail::Totals => {
                    landed_rules::totals::score_totals(&answers, today).map(Outcome::CrsTotals)
                }
            }
        }
        Kind::Assess => {
            let mut profile = landed_rules::profile::parse_profile(text)?;
            if as_of.is_some() {
                profile.as_of = as_of;
            }
            let mut r = landed_rules::assess::assess(&profile, today)?;
            landed_web::draws_store::apply(&mut r, profile.provincial_nomination);
            Ok(Outcome::Assess(Box::new(r)))
        }
    }
}

/// Write one item's result (or error) to `out` in `format`; returns whether it succeeded.
#[allow(clippy::too_many_arguments)]
fn emit(
    out: &mut Vec<u8>,
    item: &Item,
    result: Result<Outcome, RulesError>,
    kind: Kind,
    format: Format,
    detail: Detail,
    errors: &mut Vec<u8>,
    lines: &mut crate::jsonl::LineCache,
) -> bool {
    match result {
        Ok(outcome) => {
            match (format, detail, &outcome) {
                (Format::Csv, _, Outcome::Crs(r)) => {
                    crate::totals::csv_crs(item.line, &CrsTotals::from(&**r), out);
                }
                (Format::Csv, _, Outcome::CrsTotals(t)) => {
                    crate::totals::csv_crs(item.line, t, out);
                }
                (Format::Csv, _, Outcome::Assess(a)) => {
                    crate::totals::csv_assess(item.line, &AssessmentTotals::from(&**a), out);
                }
                (Format::Jsonl, _, Outcome::CrsTotals(t)) => {
                    crate::totals::json_crs(t, out);
                    out.push(b'\n');
                }
                (Format::Jsonl, Detail::Totals, Outcome::Crs(r)) => {
                    crate::totals::json_crs(&CrsTotals::from(&**r), out);
                    out.push(b'\n');
                }
                (Format::Jsonl, Detail::Full, Outcome::Crs(r)) => {
                    crate::jsonl::write_crs(r, out, lines);
                    out.push(b'\n');
                }
                (Format::Jsonl, Detail::Totals, Outcome::Assess(a)) => {
                    let _ = serde_json::to_writer(&mut *out, &AssessmentTotals::from(&**a));
                    out.push(b'\n');
                }
                (Format::Jsonl, Detail::Full, Outcome::Assess(a)) => {
                    let _ = serde_json::to_writer(&mut *out, a);
                    out.push(b'\n');
                }
                (Format::Json, _, Outcome::CrsTotals(t)) => {
                    let _ = serde_json::to_writer_pretty(&mut *out, t);
                }
                (Format::Json, Detail::Totals, Outcome::Crs(r)) => {
                    let _ = serde_json::to_writer_pretty(&mut *out, &CrsTotals::from(&**r));
                }
                (Format::Json, Detail::Full, Outcome::Crs(r)) => {
                    let _ = serde_json::to_writer_pretty(&mut *out, r);
                }
                (Format::Json, Detail::Totals, Outcome::Assess(a)) => {
                    let _ = serde_json::to_writer_pretty(&mut *out, &AssessmentTotals::from(&**a));
                }
                (Format::Json, Detail::Full, Outcome::Assess(a)) => {
                    let _ = serde_json::to_writer_pretty(&mut *out, a);
                }
                (Format::Table, _, outcome) => {
                    // `--detail totals` is refused with a table (totals::resolve).
                    let text = match outcome {
                        Outcome::Crs(r) => render::crs_table(r),
                        Outcome::CrsTotals(t) => serde_json::to_string(t).unwrap_or_default(),
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
                Format::Csv => {
                    crate::totals::csv_error(kind, item.line, e.field(), &message, out);
                }
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

/// What one worker thread keeps from round to round.
struct Worker {
    out: Vec<u8>,
    errors: Vec<u8>,
    /// CRS lines already written as JSON (see [`crate::jsonl::LineCache`]).
    lines: crate::jsonl::LineCache,
}

/// The work of a batch, one round of items at a time; output is written in
/// input order after each round.
struct Runner {
    kind: Kind,
    format: Format,
    detail: Detail,
    as_of: Option<Date>,
    lang: landed_rules::text::Lang,
    today: Date,
    workers: Vec<Worker>,
    /// Standard output, written by its own thread while the next round is worked.
    out: crate::output::Output,
    pretty_array: bool,
    first_round: bool,
    failed: usize,
}

impl Runner {
    /// Before the first result: a JSON array around the results, unless the
    /// input was a `single` document.
    fn start(&mut self, single: bool) {
        self.pretty_array = self.format == Format::Json && !single;
        if self.pretty_array {
            self.out.write_all(b"[\n");
        }
        if self.format == Format::Csv {
            let mut header = Vec::new();
            crate::totals::csv_header(self.kind, &mut header);
            self.out.write_all(&header);
        }
    }

    fn round(&mut self, round: &[Item<'_>]) {
        let threads = self.workers.len();
        let chunk = round.len().div_ceil(threads).max(1);
        let (kind, format, detail, as_of, lang, today) = (
            self.kind,
            self.format,
            self.detail,
            self.as_of,
            self.lang,
            self.today,
        );
        let pretty_array = self.pretty_array;
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
                    let r = process(kind, detail, item.text.as_deref(), as_of, today);
                    if !emit(out, item, r, kind, format, detail, errors, lines) {
                        failed += 1;
                    }
                }
                failed
            })
        };
        let parts: Vec<&[Item<'_>]> = round.chunks(chunk).collect();
        let first_round = self.first_round;
        // `None`: the worker stopped (a bug); its part is reported, not half-written.
        let failures: Vec<Option<usize>> = if parts.len() == 1 {
            vec![Some(work(parts[0], &mut self.workers[0], first_round))]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = parts
                    .iter()
                    .zip(self.workers.iter_mut())
                    .enumerate()
                    .map(|(k, (part, w))| {
                        let work = &work;
                        s.spawn(move || work(part, w, first_round && k == 0))
                    })
                    .collect();
                handles.into_iter().map(|h| h.join().ok()).collect()
            })
        };
        self.first_round = false;
        for (
            (f, part),
            Worker {
                out: buf, errors, ..
            },
        ) in failures
            .into_iter()
            .zip(&parts)
            .zip(self.workers.iter_mut())
        {
            let Some(f) = f else {
                self.failed += part.len();
                buf.clear();
                self.out.stderr(
                    format!(
                        "landed: internal error on lines {} to {}\n",
                        part.first().map_or(0, |i| i.line),
                        part.last().map_or(0, |i| i.line)
                    )
                    .into_bytes(),
                );
                continue;
            };
            self.failed += f;
            // The worker's buffer goes to the writer thread; it gets an empty one back.
            self.out.take(buf);
            if !errors.is_empty() {
                self.out.stderr(std::mem::take(errors));
            }
        }
    }
}

/// How the input turned out to be shaped, from its first lines.
enum Shape {
    /// JSON Lines: stream it (the first round's lines are already read).
    Lines,
    /// One document or an array: read it whole.
    Document,
}

/// Worker threads: one per core, at most 8; LANDED_JOBS caps them (e.g. 1
/// to leave the other cores free).
pub fn jobs() -> usize {
    std::env::var("LANDED_JOBS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .min(8)
}

pub fn run(
    kind: Kind,
    input: Input,
    format: Format,
    detail: Detail,
    as_of: Option<Date>,
    lang: landed_rules::text::Lang,
    today: Date,
) -> ExitCode {
    let Input { reader, len } = input;
    let mut lines = Lines::new(reader);
    let read_error = |e: std::io::Error| {
        eprintln!("landed: cannot read the input: {e}");
        ExitCode::from(2)
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
    let threads = jobs();
    let round_size = per_worker * threads;

    // The first non-blank line says which shape the input has: a line that is
    // a whole JSON object starts JSON Lines (or is a one-line document, when
    // nothing follows); anything else that starts like JSON is a document.
    let mut round = Round::default();
    let shape = loop {
        let (line, range) = match lines.next_into(&mut round.bytes) {
            Ok(Some(x)) => x,
            Ok(None) => break Shape::Document,
            Err(e) => return read_error(e),
        };
        let text = &round.bytes[range.clone()];
        if is_blank(text) {
            continue;
        }
        match text.trim_ascii_start().first() {
            Some(b'[') => break Shape::Document,
            Some(b'{') if !is_whole_value(text) => break Shape::Document,
            _ => {
                round.lines.push((line, range));
                break Shape::Lines;
            }
        }
    };

    let mut runner = Runner {
        kind,
        format,
        detail,
        as_of,
        lang,
        today,
        // One output buffer per worker, reused from round to round: fresh
        // buffers cost more in page faults than the scoring itself.
        workers: (0..threads)
            .map(|_| Worker {
                out: Vec::with_capacity(per_worker * item_bytes),
                errors: Vec::new(),
                lines: crate::jsonl::LineCache::default(),
            })
            .collect(),
        // One round waits while another is written.
        out: crate::output::Output::stdout(threads),
        pretty_array: false,
        first_round: true,
        failed: 0,
    };

    match shape {
        Shape::Document => {
            // Put the document back together: what was read, then the rest.
            if let Err(e) = lines.rest_into(&mut round.bytes) {
                return read_error(e);
            }
            let Ok(text) = std::str::from_utf8(&round.bytes) else {
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
            runner.start(single);
            let progress = progress_bar(items.len() >= 10_000, Some(items.len() as u64), false);
            for chunk in items.chunks(round_size) {
                if runner.out.closed() {
                    break;
                }
                runner.round(chunk);
                if let Some(pb) = &progress {
                    pb.inc(chunk.len() as u64);
                }
            }
            if let Some(pb) = progress {
                pb.finish_and_clear();
            }
        }
        Shape::Lines => {
            let mut bytes_done = 0u64;
            // A bar by bytes for a large file; for standard input, a count of
            // lines once the first round shows more is coming.
            let mut progress = progress_bar(len.is_some_and(|n| n >= 1 << 21), len, true);
            let mut at_end = false;
            loop {
                while round.lines.len() < round_size {
                    // Lines already read are processed before waiting for
                    // more (once a second line shows the input is JSON Lines).
                    let known_shape = !runner.first_round || round.lines.len() >= 2;
                    if known_shape && !round.lines.is_empty() && !lines.has_buffered_line() {
                        break;
                    }
                    let (line, range) = match lines.next_into(&mut round.bytes) {
                        Ok(Some(x)) => x,
                        Ok(None) => {
                            at_end = true;
                            break;
                        }
                        Err(e) => {
                            runner.out.finish();
                            return read_error(e);
                        }
                    };
                    if is_blank(&round.bytes[range.clone()]) {
                        continue;
                    }
                    round.lines.push((line, range));
                }
                if runner.first_round {
                    // A second non-blank line makes it JSON Lines; without
                    // one, the input was one document on one line.
                    runner.start(round.lines.len() == 1);
                    if progress.is_none() && len.is_none() && !at_end {
                        progress = progress_bar(true, None, false);
                    }
                }
                if round.lines.is_empty() {
                    break;
                }
                let items = round.items();
                runner.round(&items);
                bytes_done += round.bytes.len() as u64;
                if let Some(pb) = &progress {
                    pb.set_position(if len.is_some() {
                        bytes_done
                    } else {
                        lines.line as u64
                    });
                }
                // (Results reach a pipe as each round ends: the writer
                // thread writes them as soon as it has them.)
                round.bytes.clear();
                round.lines.clear();
                // Nobody reads the results any more (`| head`): stop.
                if at_end || runner.out.closed() {
                    break;
                }
            }
            if let Some(pb) = progress {
                pb.finish_and_clear();
            }
        }
    }

    let mut out = runner.out;
    if format == Format::Json {
        if runner.pretty_array {
            out.write_all(b"\n]");
        }
        out.write_all(b"\n");
    }
    if !out.finish() {
        return ExitCode::from(1);
    }
    if runner.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A progress bar on stderr when it is a terminal and `wanted`: by items or
/// bytes out of `len`, or a count of lines when the length is unknown.
fn progress_bar(wanted: bool, len: Option<u64>, bytes: bool) -> Option<ProgressBar> {
    if !wanted || !crate::stderr_is_terminal() {
        return None;
    }
    let (pb, template) = match len {
        Some(n) if bytes => (
            ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
            "{bar:40} {bytes}/{total_bytes}, eta {eta}",
        ),
        Some(n) => (
            ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
            "{bar:40} {human_pos}/{human_len} lines, eta {eta}",
        ),
        None => (
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            "{spinner} {human_pos} lines read",
        ),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        pb.set_style(style);
    }
    Some(pb)
}
