//! The results page's "past rounds" section: the assessment's `outlook`
//! (contract `planning.md`, "Outlook") as a view — one sentence first (the
//! engine's `detail`, in the page's language), then each window by type.

use crate::i18n::Messages as _;
use landed_rules::draws::Outlook;
use landed_rules::draws::text::type_name;

use super::words::{text, wire};
use crate::i18n::{Arg, Lang};

/// One round type within a window.
#[derive(Debug, Clone)]
pub struct OutlookTypeView {
    pub slug: String,
    pub name: String,
    pub rounds: String,
    pub cleared: String,
    pub lowest: String,
    pub latest: String,
}

/// One window (6 or 12 months).
#[derive(Debug, Clone)]
pub struct OutlookWindowView {
    pub months: u64,
    pub heading: String,
    pub counts: String,
    pub types: Vec<OutlookTypeView>,
}

/// The whole section.
#[derive(Debug, Clone)]
pub struct OutlookView {
    pub sentence: String,
    pub data_note: String,
    pub source: String,
    pub windows: Vec<OutlookWindowView>,
}

/// The view of an assessment's `outlook`.
pub fn outlook_view(lang: Lang, o: &Outlook) -> OutlookView {
    let windows = o
        .windows
        .iter()
        .map(|w| {
            // By slug, as the contract's JSON object lists them.
            let mut types: Vec<OutlookTypeView> = w
                .by_type
                .iter()
                .map(|(rt, t)| OutlookTypeView {
                    slug: wire(rt),
                    name: type_name(*rt, lang).to_string(),
                    rounds: lang.int(i64::from(t.rounds)),
                    cleared: lang.int(i64::from(t.cleared)),
                    lowest: lang.int(i64::from(t.lowest_cutoff)),
                    latest: lang.int(i64::from(t.latest_cutoff)),
                })
                .collect();
            types.sort_by(|a, b| a.slug.cmp(&b.slug));
            let months = u64::from(w.months);
            OutlookWindowView {
                months,
                heading: lang.ta(
                    "outlook-window",
                    &[
                        ("months", Arg::Num(months as f64)),
                        ("date", Arg::Str(lang.date(w.since))),
                    ],
                ),
                counts: lang.ta(
                    "outlook-counts",
                    &[
                        ("rounds", Arg::Str(lang.int(i64::from(w.rounds)))),
                        ("eligible", Arg::Str(lang.int(i64::from(w.eligible_rounds)))),
                        ("cleared", Arg::Str(lang.int(i64::from(w.cleared)))),
                    ],
                ),
                types,
            }
        })
        .collect();
    OutlookView {
        sentence: text(lang, &o.detail),
        data_note: lang.t1("outlook-data", "date", &lang.date(o.data_as_of)),
        source: o.source.to_string(),
        windows,
    }
}
