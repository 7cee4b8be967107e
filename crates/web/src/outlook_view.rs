//! The results page's "past rounds" section: the assessment's `outlook`
//! (contract `planning.md`, "Outlook") as a view — one sentence first (the
//! engine's `detail`, already in the page's language), then each window by type.

use std::str::FromStr;

use landed_rules::draws::RoundType;
use landed_rules::draws::text::type_name;
use serde_json::Value;

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

fn int(lang: Lang, v: &Value, key: &str) -> String {
    lang.int(v.get(key).and_then(Value::as_i64).unwrap_or(0))
}

/// The view of `outlook` (`None` when the assessment has none).
pub fn outlook_view(lang: Lang, o: &Value) -> Option<OutlookView> {
    let o = o.as_object()?;
    let date = |v: Option<&Value>| lang.date_str(v.and_then(Value::as_str).unwrap_or(""));
    let windows = o
        .get("windows")
        .and_then(Value::as_array)
        .map(|ws| {
            ws.iter()
                .map(|w| {
                    let months = w.get("months").and_then(Value::as_u64).unwrap_or(0);
                    let types = w
                        .get("by_type")
                        .and_then(Value::as_object)
                        .map(|m| {
                            m.iter()
                                .map(|(slug, t)| OutlookTypeView {
                                    slug: slug.clone(),
                                    name: RoundType::from_str(slug)
                                        .map(|rt| type_name(rt, lang.engine()).to_string())
                                        .unwrap_or_else(|_| slug.clone()),
                                    rounds: int(lang, t, "rounds"),
                                    cleared: int(lang, t, "cleared"),
                                    lowest: int(lang, t, "lowest_cutoff"),
                                    latest: int(lang, t, "latest_cutoff"),
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    OutlookWindowView {
                        months,
                        heading: lang.ta(
                            "outlook-window",
                            &[
                                ("months", Arg::Num(months as f64)),
                                ("date", Arg::Str(date(w.get("since")))),
                            ],
                        ),
                        counts: lang.ta(
                            "outlook-counts",
                            &[
                                ("rounds", Arg::Str(int(lang, w, "rounds"))),
                                ("eligible", Arg::Str(int(lang, w, "eligible_rounds"))),
                                ("cleared", Arg::Str(int(lang, w, "cleared"))),
                            ],
                        ),
                        types,
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    Some(OutlookView {
        sentence: o
            .get("detail")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        data_note: lang.t1("outlook-data", "date", &date(o.get("data_as_of"))),
        source: o
            .get("source")
            .and_then(Value::as_str)
            .unwrap_or(landed_rules::draws::IRCC_PAGE)
            .to_string(),
        windows,
    })
}
