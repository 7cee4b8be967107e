//! `GET /{lang}/rules`: what landed knows, from where, checked when — every rule table
//! with its effective periods, source, grade and `verified_on`, the date the data is
//! verified through, and the reported changes not encoded (issue 9, currency). The same
//! listing as `landed rules`, read from `landed_rules::currency::catalogue()`.

use crate::i18n::Messages as _;
use askama::Template;
use askama_web::WebTemplate;
use axum::response::{IntoResponse, Response};
use landed_rules::currency::{Catalogue, catalogue};
use landed_rules::dated::Source;

use super::L;
use crate::i18n::Lang;
use crate::page::Page;
use crate::views::words::capitalise;

/// One source link with its grade.
pub struct SourceView {
    pub title: String,
    pub href: String,
    /// `C1` … `C5`, or empty when the table does not say.
    pub grade: String,
    /// The grade in words ("official", …), for the reader who does not know the scale.
    pub grade_name: String,
    pub note: String,
}

/// One effective period of a table.
pub struct VersionView {
    pub period: String,
    pub from_iso: String,
    pub verified: String,
    pub source: SourceView,
}

/// One rule table.
pub struct TableView {
    pub id: String,
    pub file: String,
    pub description: String,
    pub versions: Vec<VersionView>,
}

/// One reported change not encoded.
pub struct PendingView {
    pub id: String,
    pub what: String,
    pub reported: String,
    pub status: String,
    pub sources: Vec<SourceView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "rules.html")]
pub struct RulesPage {
    pub p: Page,
    pub through: String,
    pub through_iso: String,
    pub tables: Vec<TableView>,
    pub pending: Vec<PendingView>,
}

/// The grade in words, from the scale in `rules.md`.
fn grade_name(lang: Lang, grade: &str) -> String {
    let key = match grade {
        "C1" => "rules-grade-c1",
        "C2" => "rules-grade-c2",
        "C3" => "rules-grade-c3",
        "C4" => "rules-grade-c4",
        "C5" => "rules-grade-c5",
        _ => "rules-grade-none",
    };
    lang.t(key)
}

fn source_view(lang: Lang, s: &Source) -> SourceView {
    let grade = s.confidence.as_deref().unwrap_or("").to_string();
    SourceView {
        title: s.title.to_string(),
        href: s.href.to_string(),
        grade_name: grade_name(lang, &grade),
        grade,
        note: s.note.as_deref().unwrap_or("").to_string(),
    }
}

/// The page's view of the catalogue (pure: tested without a server).
pub fn view(lang: Lang, c: &Catalogue) -> RulesPage {
    let tables = c
        .tables
        .iter()
        .map(|t| TableView {
            id: t.id.clone(),
            file: t.file.to_string(),
            description: t.description.clone(),
            versions: t
                .versions
                .iter()
                .map(|v| VersionView {
                    period: match v.effective_to {
                        Some(to) => lang.t1(
                            "rules-period-closed",
                            "from",
                            &format!("{} – {}", lang.date(v.effective_from), lang.date(to)),
                        ),
                        None => lang.t1("rules-period-open", "from", &lang.date(v.effective_from)),
                    },
                    from_iso: v.effective_from.to_string(),
                    verified: v
                        .verified_on
                        .map_or_else(|| lang.t("rules-not-verified"), |d| lang.date(d)),
                    source: source_view(lang, &v.source),
                })
                .collect(),
        })
        .collect();
    let pending = c
        .pending
        .iter()
        .map(|p| PendingView {
            id: p.id.clone(),
            what: match lang {
                Lang::En => p.what.clone(),
                Lang::Fr => p.what_fr.clone(),
            },
            reported: lang.date(p.reported_effective),
            status: capitalise(match lang {
                Lang::En => &p.status,
                Lang::Fr => &p.status_fr,
            }),
            sources: p.sources.iter().map(|s| source_view(lang, s)).collect(),
        })
        .collect();
    RulesPage {
        p: Page::public(lang, "rules", "rules-title", "rules"),
        through: c
            .rules_verified_through
            .map_or_else(|| lang.t("rules-not-verified"), |d| lang.date(d)),
        through_iso: c
            .rules_verified_through
            .map(|d| d.to_string())
            .unwrap_or_default(),
        tables,
        pending,
    }
}

/// `GET /{lang}/rules`.
pub async fn page(L(lang): L) -> Response {
    match catalogue() {
        Ok(c) => view(lang, c).into_response(),
        Err(e) => {
            let err = std::io::Error::other(e.to_string());
            super::internal_error(lang, "rules catalogue", &err)
        }
    }
}
