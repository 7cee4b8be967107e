//! A program's checklist: its verdict and each requirement with the engine's sentence.

use crate::i18n::Messages as _;
use landed_rules::assess::ProgramResult;

use super::grid::{GridView, grid_view};
use super::words::{eligible_status, label, source_parts, status_label, status_str, text};
use crate::i18n::Lang;

/// One requirement of a program.
#[derive(Debug, Clone)]
pub struct ReqView {
    pub id: String,
    pub title: String,
    /// `met`, `not_met` or `unknown`.
    pub status: String,
    pub status_label: String,
    pub detail: String,
    pub source_title: String,
    pub source_href: String,
}

/// One program's checklist.
#[derive(Debug, Clone)]
pub struct ProgramView {
    pub key: String,
    pub name: String,
    /// `eligible`, `not_eligible` or `unknown`.
    pub verdict: String,
    pub verdict_label: String,
    pub requirements: Vec<ReqView>,
    /// "4 of 5 requirements met": the summary of the folded checklist.
    pub summary: String,
    /// FSW: the 67-point selection grid.
    pub grid: Option<GridView>,
}

/// Build one program's checklist (`key`: `cec`, `fsw` or `fst`).
pub fn program_view(lang: Lang, key: &str, p: &ProgramResult) -> ProgramView {
    let verdict = match eligible_status(p) {
        "met" => "eligible",
        "not_met" => "not_eligible",
        _ => "unknown",
    };
    let requirements = p
        .requirements
        .iter()
        .map(|r| {
            let id = r.id.to_string();
            let status = status_str(r.status);
            let (source_title, source_href) = source_parts(lang, r.source);
            ReqView {
                title: label(
                    lang,
                    &format!("req-{}", id.replace('.', "-")),
                    id.rsplit('.').next().unwrap_or(&id),
                ),
                status_label: status_label(lang, status),
                detail: text(lang, &r.detail),
                source_title,
                source_href,
                id,
                status: status.to_string(),
            }
        })
        .collect::<Vec<ReqView>>();
    let met = requirements.iter().filter(|r| r.status == "met").count();
    let summary = lang.ta(
        "res-req-summary",
        &[
            ("met", crate::i18n::Arg::Str(lang.int(met as i64))),
            (
                "total",
                crate::i18n::Arg::Str(lang.int(requirements.len() as i64)),
            ),
        ],
    );
    ProgramView {
        summary,
        key: key.to_string(),
        name: lang.t(&format!("program-{key}")),
        verdict: verdict.to_string(),
        verdict_label: lang.t(&format!("res-verdict-{verdict}")),
        requirements,
        grid: p.grid.as_ref().map(|g| grid_view(lang, g)),
    }
}
