//! `--detail totals` and `--format csv` (issue 14): the numbers of each
//! result without the explanations, for spreadsheets and pipelines.
//!
//! A totals line is the full result with the explanations left out (same
//! field names, same order; `landed_rules::totals`), so it is the same bytes
//! whatever `--lang` says. CSV has a header row and one row per input, in
//! input order; a line that fails is a row with its line number and the
//! error's field and message, the other cells empty. Quoting follows RFC 4180
//! (a cell with a comma, a quote or a line break is quoted, quotes doubled);
//! rows end with `\n`.

use clap::ValueEnum;
use landed_rules::totals::{AssessmentTotals, CrsTotals};

/// What a batch holds: CRS answers or profiles (here, beside the formats that
/// depend on it, so `batch` uses `totals` and not the other way round).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Crs,
    Assess,
}

/// How a batch is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
pub enum BatchFormat {
    /// A readable breakdown.
    Table,
    /// One pretty-printed JSON document (an array for several inputs).
    Json,
    /// One JSON object per line, in input order.
    Jsonl,
    /// Comma-separated values: a header row, then one row of totals per input (implies --detail totals).
    Csv,
}

/// How much of each result is written.
#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
pub enum Detail {
    /// Every explained line, requirement and fact (the contract's output).
    Full,
    /// The numbers only: CRS total, rule set, date and the four subtotals; each program's
    /// `eligible` and `invited_under`. The same bytes in every language.
    Totals,
}

/// The detail a batch writes, from `--format` and `--detail` (default: full,
/// or totals for CSV); an error message for the combinations that make no sense.
pub fn resolve(format: BatchFormat, detail: Option<Detail>) -> Result<Detail, &'static str> {
    match (format, detail) {
        (BatchFormat::Csv, None | Some(Detail::Totals)) => Ok(Detail::Totals),
        (BatchFormat::Csv, Some(Detail::Full)) => {
            Err("--format csv holds the totals only; use --format jsonl or json for --detail full")
        }
        (BatchFormat::Table, Some(Detail::Totals)) => {
            Err("--detail totals is written as --format jsonl, json or csv")
        }
        (_, d) => Ok(d.unwrap_or(Detail::Full)),
    }
}

/// The CSV columns of `landed crs --format csv`.
pub const CRS_COLUMNS: [&str; 10] = [
    "line",
    "total",
    "rule_set",
    "as_of",
    "core",
    "spouse",
    "skill_transferability",
    "additional",
    "error_field",
    "error_message",
];

/// The CSV columns of `landed assess --format csv`: `crs_total` and the four
/// subtotals are empty when the CRS cannot be computed, an `eligible` cell is
/// empty when it is `null`, `invited_under` is `cec`, `fsw`, `fst` or empty.
pub const ASSESS_COLUMNS: [&str; 14] = [
    "line",
    "as_of",
    "cec_eligible",
    "fsw_eligible",
    "fst_eligible",
    "invited_under",
    "crs_total",
    "rule_set",
    "core",
    "spouse",
    "skill_transferability",
    "additional",
    "error_field",
    "error_message",
];

/// Write one CSV record (quoted as RFC 4180 asks) to `out`.
fn record<'a>(out: &mut Vec<u8>, cells: impl IntoIterator<Item = &'a [u8]>) {
    let mut w = csv::WriterBuilder::new()
        .buffer_capacity(256)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    // Writing into memory cannot fail.
    let _ = w.write_record(cells);
    let _ = w.flush();
}

/// The header row of `kind`'s CSV.
pub fn csv_header(kind: Kind, out: &mut Vec<u8>) {
    let columns: &[&str] = match kind {
        Kind::Crs => &CRS_COLUMNS,
        Kind::Assess => &ASSESS_COLUMNS,
    };
    record(out, columns.iter().map(|c| c.as_bytes()));
}

/// Numbers formatted into fixed buffers, so that a row's cells can be borrowed together.
struct Numbers {
    bufs: [itoa::Buffer; 6],
}

impl Numbers {
    fn new() -> Self {
        Numbers {
            bufs: std::array::from_fn(|_| itoa::Buffer::new()),
        }
    }
}

/// A CRS totals row.
pub fn csv_crs(line: usize, t: &CrsTotals, out: &mut Vec<u8>) {
    let mut n = Numbers::new();
    let as_of = t.as_of.to_string();
    let [b0, b1, b2, b3, b4, b5] = &mut n.bufs;
    record(
        out,
        [
            b0.format(line).as_bytes(),
            b1.format(t.total).as_bytes(),
            t.rule_set.as_bytes(),
            as_of.as_bytes(),
            b2.format(t.core).as_bytes(),
            b3.format(t.spouse).as_bytes(),
            b4.format(t.skill_transferability).as_bytes(),
            b5.format(t.additional).as_bytes(),
            b"",
            b"",
        ],
    );
}

fn eligible(e: Option<bool>) -> &'static [u8] {
    match e {
        Some(true) => b"true",
        Some(false) => b"false",
        None => b"",
    }
}

/// An assessment totals row.
pub fn csv_assess(line: usize, t: &AssessmentTotals, out: &mut Vec<u8>) {
    let mut n = Numbers::new();
    let as_of = t.as_of.to_string();
    let invited: &[u8] = match t.programs.invited_under {
        Some(landed_rules::programs::Program::Cec) => b"cec",
        Some(landed_rules::programs::Program::Fsw) => b"fsw",
        Some(landed_rules::programs::Program::Fst) => b"fst",
        None => b"",
    };
    let [b0, b1, b2, b3, b4, b5] = &mut n.bufs;
    let line = b0.format(line).as_bytes();
    let head = [
        line,
        as_of.as_bytes(),
        eligible(t.programs.cec.eligible),
        eligible(t.programs.fsw.eligible),
        eligible(t.programs.fst.eligible),
        invited,
    ];
    match &t.crs {
        Some(c) => record(
            out,
            head.into_iter().chain([
                b1.format(c.total).as_bytes(),
                c.rule_set.as_bytes(),
                b2.format(c.core).as_bytes(),
                b3.format(c.spouse).as_bytes(),
                b4.format(c.skill_transferability).as_bytes(),
                b5.format(c.additional).as_bytes(),
                b"",
                b"",
            ]),
        ),
        None => record(out, head.into_iter().chain([&b""[..]; 8])),
    }
}

/// A row for a line that failed: its number, the error's field and message.
pub fn csv_error(kind: Kind, line: usize, field: &str, message: &str, out: &mut Vec<u8>) {
    let mut n = itoa::Buffer::new();
    let blanks = match kind {
        Kind::Crs => CRS_COLUMNS.len() - 3,
        Kind::Assess => ASSESS_COLUMNS.len() - 3,
    };
    record(
        out,
        std::iter::once(n.format(line).as_bytes())
            .chain(std::iter::repeat_n(&b""[..], blanks))
            .chain([field.as_bytes(), message.as_bytes()]),
    );
}

/// A CRS totals line as `serde_json::to_writer` writes it (compact), without
/// the newline: the batch hot path of `--detail totals`.
pub fn json_crs(t: &CrsTotals, out: &mut Vec<u8>) {
    let mut n = itoa::Buffer::new();
    out.extend_from_slice(b"{\"total\":");
    out.extend_from_slice(n.format(t.total).as_bytes());
    out.extend_from_slice(b",\"rule_set\":");
    crate::jsonl::string(out, t.rule_set);
    out.extend_from_slice(b",\"as_of\":\"");
    crate::jsonl::date(out, t.as_of);
    out.extend_from_slice(b"\",\"core\":");
    out.extend_from_slice(n.format(t.core).as_bytes());
    out.extend_from_slice(b",\"spouse\":");
    out.extend_from_slice(n.format(t.spouse).as_bytes());
    out.extend_from_slice(b",\"skill_transferability\":");
    out.extend_from_slice(n.format(t.skill_transferability).as_bytes());
    out.extend_from_slice(b",\"additional\":");
    out.extend_from_slice(n.format(t.additional).as_bytes());
    out.push(b'}');
}

/// One result given by flags (`landed crs --age …`) as totals, in `format`
/// (JSON, a JSON line, or CSV with its header), without the final newline.
pub fn one_crs(r: &landed_rules::crs::CrsResult, format: BatchFormat) -> String {
    let t = CrsTotals::from(r);
    let mut out = Vec::new();
    match format {
        BatchFormat::Json => return serde_json::to_string_pretty(&t).unwrap_or_default(),
        BatchFormat::Csv => {
            csv_header(Kind::Crs, &mut out);
            csv_crs(1, &t, &mut out);
            out.pop();
        }
        BatchFormat::Jsonl | BatchFormat::Table => json_crs(&t, &mut out),
    }
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use landed_rules::Date;

    fn totals(rule_set: &str) -> CrsTotals<'_> {
        CrsTotals {
            total: 472,
            rule_set,
            as_of: Date::constant(2026, 11, 24),
            core: 400,
            spouse: 0,
            skill_transferability: 50,
            additional: 22,
        }
    }

    #[test]
    fn the_json_line_is_serde_s() {
        for rs in ["crs-2025-03-25", "with \"quotes\" and \\ and \n"] {
            let t = totals(rs);
            let mut out = Vec::new();
            json_crs(&t, &mut out);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&t).unwrap()
            );
        }
    }

    #[test]
    fn csv_rows_and_quoting() {
        let mut out = Vec::new();
        csv_header(Kind::Crs, &mut out);
        csv_crs(3, &totals("crs-2025-03-25"), &mut out);
        csv_error(
            Kind::Crs,
            4,
            "age",
            "200 is not an age, \"years\"",
            &mut out,
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "line,total,rule_set,as_of,core,spouse,skill_transferability,additional,error_field,error_message\n\
             3,472,crs-2025-03-25,2026-11-24,400,0,50,22,,\n\
             4,,,,,,,,age,\"200 is not an age, \"\"years\"\"\"\n"
        );
    }

    #[test]
    fn assess_rows_have_every_column() {
        use landed_rules::totals::{ProgramTotals, ProgramsTotals};
        let mut t = AssessmentTotals {
            as_of: Date::constant(2026, 11, 24),
            programs: ProgramsTotals {
                cec: ProgramTotals {
                    eligible: Some(true),
                },
                fsw: ProgramTotals {
                    eligible: Some(false),
                },
                fst: ProgramTotals { eligible: None },
                invited_under: Some(landed_rules::programs::Program::Cec),
            },
            crs: Some(totals("crs-2025-03-25")),
        };
        let mut out = Vec::new();
        csv_header(Kind::Assess, &mut out);
        csv_assess(1, &t, &mut out);
        t.crs = None;
        t.programs.invited_under = None;
        csv_assess(2, &t, &mut out);
        csv_error(Kind::Assess, 3, "", "the line is not UTF-8 text", &mut out);
        let text = String::from_utf8(out).unwrap();
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(
            rows[1],
            "1,2026-11-24,true,false,,cec,472,crs-2025-03-25,400,0,50,22,,"
        );
        assert_eq!(rows[2], "2,2026-11-24,true,false,,,,,,,,,,");
        assert_eq!(rows[3], "3,,,,,,,,,,,,,the line is not UTF-8 text");
        for r in rows {
            assert_eq!(r.matches(',').count(), ASSESS_COLUMNS.len() - 1, "{r}");
        }
    }

    #[test]
    fn csv_needs_totals_and_tables_need_full() {
        assert_eq!(resolve(BatchFormat::Csv, None), Ok(Detail::Totals));
        assert!(resolve(BatchFormat::Csv, Some(Detail::Full)).is_err());
        assert!(resolve(BatchFormat::Table, Some(Detail::Totals)).is_err());
        assert_eq!(resolve(BatchFormat::Jsonl, None), Ok(Detail::Full));
        assert_eq!(
            resolve(BatchFormat::Jsonl, Some(Detail::Totals)),
            Ok(Detail::Totals)
        );
    }
}
