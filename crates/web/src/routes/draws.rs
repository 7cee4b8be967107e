//! The rounds of invitations: the page `/{lang}/draws` — the lowest score
//! invited over time by round type as a server-rendered SVG chart, the same
//! data as a table, filters by type and period, and the latest round's pool
//! distribution. The rounds are those in use ([`crate::draws_store::current`]).

use crate::i18n::Messages as _;
use std::str::FromStr;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::Query;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use landed_rules::draws::text::type_name;
use landed_rules::draws::{Draws, Filter, IRCC_PAGE, Round, RoundType};

use super::{Errors, L};
use crate::i18n::{Arg, Lang};
use crate::page::Page;

// --- the page -------------------------------------------------------------------------------

const PALETTE: [&str; 17] = [
    "#0b5cad", "#c0392b", "#1e7b4a", "#8e44ad", "#b35900", "#1f8a99", "#444444", "#a3307a",
    "#4d6b00", "#5b4fc4", "#8a5a00", "#006e6e", "#b0003a", "#2f5597", "#7a4b00", "#3d7d3d",
    "#666699",
];

fn color(t: RoundType) -> &'static str {
    let i = RoundType::ALL.iter().position(|x| *x == t).unwrap_or(0);
    PALETTE[i % PALETTE.len()]
}

pub struct Point {
    pub x: String,
    pub y: String,
    pub label: String,
}

pub struct Segment {
    pub x1: String,
    pub y1: String,
    pub x2: String,
    pub y2: String,
}

pub struct Series {
    pub slug: &'static str,
    pub name: String,
    pub color: &'static str,
    pub points: Vec<Point>,
    pub segments: Vec<Segment>,
}

pub struct Tick {
    pub pos: String,
    pub label: String,
}

/// The chart: x in percent of the width (text keeps its size at any width),
/// y in pixels.
pub struct Chart {
    pub height: u32,
    pub plot_bottom: u32,
    pub y_ticks: Vec<Tick>,
    pub x_ticks: Vec<Tick>,
    pub series: Vec<Series>,
}

pub struct RowView {
    pub number: String,
    pub date: String,
    pub iso: String,
    pub type_name: String,
    pub slug: &'static str,
    pub invitations: String,
    pub cutoff: String,
    pub tie_break: String,
}

pub struct PoolRow {
    pub range: String,
    pub count: String,
    /// Bar width in percent of the largest range.
    pub pct: String,
}

pub struct Pool {
    pub lead: String,
    pub rows: Vec<PoolRow>,
    pub total: String,
}

pub struct TypeOption {
    pub slug: &'static str,
    pub name: String,
    pub selected: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "draws.html")]
pub struct DrawsPage {
    pub p: Page,
    pub errors: Errors,
    pub lead: String,
    pub source: &'static str,
    pub types: Vec<TypeOption>,
    pub since: String,
    pub until: String,
    pub chart: Option<Chart>,
    pub chart_desc: String,
    pub caption: String,
    pub rows: Vec<RowView>,
    pub pool: Option<Pool>,
}

fn days(d: Date) -> f64 {
    d.since(Date::constant(2000, 1, 1))
        .map(|s| f64::from(s.get_days()))
        .unwrap_or(0.0)
}

const PLOT_TOP: f64 = 14.0;
const HEIGHT: u32 = 300;
const PLOT_BOTTOM: f64 = 268.0;

fn chart(lang: Lang, rounds: &[&Round], from: Date, to: Date) -> Option<Chart> {
    if rounds.is_empty() {
        return None;
    }
    let lo = rounds.iter().map(|r| r.cutoff).min().unwrap_or(0);
    let hi = rounds.iter().map(|r| r.cutoff).max().unwrap_or(1200);
    let step = if hi - lo > 300 { 100 } else { 50 };
    let y_min = f64::from(lo / step * step);
    let y_max = f64::from((hi / step + 1) * step);
    let y = |v: f64| PLOT_BOTTOM - (v - y_min) / (y_max - y_min) * (PLOT_BOTTOM - PLOT_TOP);
    let (d0, d1) = (days(from), days(to).max(days(from) + 1.0));
    let x = |d: Date| 4.0 + (days(d) - d0) / (d1 - d0) * 92.0;
    let mut y_ticks = Vec::new();
    let mut v = y_min;
    while v <= y_max {
        y_ticks.push(Tick {
            pos: format!("{:.1}", y(v)),
            label: lang.int(v as i64),
        });
        v += f64::from(step);
    }
    // Three date ticks (start, middle, end): room for them at 375 px wide.
    let x_ticks = (0..3)
        .map(|i| {
            let day = d0 + (d1 - d0) * f64::from(i) / 2.0;
            let date = Date::constant(2000, 1, 1)
                .checked_add(jiff::Span::new().days(day as i64))
                .unwrap_or(from);
            Tick {
                pos: format!("{:.1}%", x(date)),
                label: match lang {
                    Lang::En => date.strftime("%b %Y").to_string(),
                    Lang::Fr => format!("{:02}/{}", date.month(), date.year()),
                },
            }
        })
        .collect();
    let mut series = Vec::new();
    for t in RoundType::ALL {
        // Oldest first, so segments join consecutive rounds of the type.
        let mine: Vec<&&Round> = rounds.iter().rev().filter(|r| r.kind == t).collect();
        if mine.is_empty() {
            continue;
        }
        let pts: Vec<(f64, f64)> = mine
            .iter()
            .map(|r| (x(r.date), y(f64::from(r.cutoff))))
            .collect();
        series.push(Series {
            slug: t.slug(),
            name: type_name(t, lang).to_string(),
            color: color(t),
            points: mine
                .iter()
                .zip(&pts)
                .map(|(r, (px, py))| Point {
                    x: format!("{px:.2}%"),
                    y: format!("{py:.1}"),
                    label: format!("#{} {} — {}", r.number, lang.date(r.date), r.cutoff),
                })
                .collect(),
            segments: pts
                .windows(2)
                .map(|w| Segment {
                    x1: format!("{:.2}%", w[0].0),
                    y1: format!("{:.1}", w[0].1),
                    x2: format!("{:.2}%", w[1].0),
                    y2: format!("{:.1}", w[1].1),
                })
                .collect(),
        });
    }
    Some(Chart {
        height: HEIGHT,
        plot_bottom: PLOT_BOTTOM as u32,
        y_ticks,
        x_ticks,
        series,
    })
}

fn pool(lang: Lang, draws: &Draws) -> Option<Pool> {
    let r = draws.latest_distribution()?;
    let dist = r.distribution.as_ref()?;
    let max = dist.iter().map(|s| s.count).max().unwrap_or(1).max(1);
    let total: u64 = dist.iter().map(|s| u64::from(s.count)).sum();
    Some(Pool {
        lead: lang.ta(
            "draws-pool-lead",
            &[
                (
                    "date",
                    Arg::Str(
                        r.distribution_as_of
                            .map(|d| lang.date(d))
                            .unwrap_or_default(),
                    ),
                ),
                ("round", Arg::Str(r.number.clone())),
            ],
        ),
        rows: dist
            .iter()
            .map(|s| PoolRow {
                range: format!("{}–{}", s.from, s.to),
                count: lang.int(i64::from(s.count)),
                pct: format!("{:.1}", f64::from(s.count) / f64::from(max) * 100.0),
            })
            .collect(),
        total: lang.int(i64::try_from(total).unwrap_or(i64::MAX)),
    })
}

/// `GET /{lang}/draws[?type=…&since=…&until=…]`: by default the last 12 months, all types.
pub async fn page(L(lang): L, Query(pairs): Query<Vec<(String, String)>>) -> Response {
    let draws = crate::draws_store::current();
    let mut errors = Errors::default();
    let get = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.trim().chars().take(20).collect::<String>())
    };
    let default_since = draws
        .data_as_of
        .checked_sub(jiff::Span::new().months(12))
        .unwrap_or(draws.data_as_of);
    let since_s = get("since").unwrap_or_else(|| default_since.to_string());
    let until_s = get("until").unwrap_or_default();
    let type_s = get("type").unwrap_or_default();
    let mut filter = Filter::default();
    if !type_s.is_empty() {
        match RoundType::from_str(&type_s) {
            Ok(t) => filter.types.push(t),
            Err(_) => errors.add("type", lang.t("draws-error-type")),
        }
    }
    for (field, raw) in [("since", &since_s), ("until", &until_s)] {
        if raw.is_empty() {
            continue;
        }
        match raw.parse::<Date>() {
            Ok(d) if field == "since" => filter.since = Some(d),
            Ok(d) => filter.until = Some(d),
            Err(_) => errors.add(field, lang.t("draws-error-date")),
        }
    }
    if let (Some(a), Some(b)) = (filter.since, filter.until)
        && a > b
    {
        errors.add("until", lang.t("draws-error-order"));
        filter.until = None;
    }
    let rounds: Vec<&Round> = draws.select(&filter).collect();
    let from = filter
        .since
        .or_else(|| rounds.last().map(|r| r.date))
        .unwrap_or(draws.data_as_of);
    let to = filter
        .until
        .unwrap_or(draws.data_as_of)
        .min(draws.data_as_of);
    let chart = chart(lang, &rounds, from, to.max(from));
    let count = lang.int(rounds.len() as i64);
    let mut query = Vec::new();
    for (k, v) in [("type", &type_s), ("since", &since_s), ("until", &until_s)] {
        if !v.is_empty() || (k == "since" && get("since").is_some()) {
            query.push(format!("{k}={}", url_escape(v)));
        }
    }
    let rest = if query.is_empty() {
        "draws".to_string()
    } else {
        format!("draws?{}", query.join("&"))
    };
    let page = DrawsPage {
        p: Page::public(lang, "draws", "draws-title", &rest),
        lead: lang.t1("draws-lead", "date", &lang.date(draws.data_as_of)),
        source: IRCC_PAGE,
        types: RoundType::ALL
            .into_iter()
            .filter(|t| draws.rounds.iter().any(|r| r.kind == *t))
            .map(|t| TypeOption {
                slug: t.slug(),
                name: type_name(t, lang).to_string(),
                selected: type_s == t.slug(),
            })
            .collect(),
        since: since_s,
        until: until_s,
        chart_desc: lang.ta(
            "draws-chart-desc",
            &[
                ("count", Arg::Str(count.clone())),
                ("from", Arg::Str(lang.date(from))),
                ("to", Arg::Str(lang.date(to))),
            ],
        ),
        caption: lang.t1("draws-table-caption", "count", &count),
        chart,
        rows: rounds
            .iter()
            .map(|r| RowView {
                number: r.number.clone(),
                date: lang.date(r.date),
                iso: r.date.to_string(),
                type_name: type_name(r.kind, lang).to_string(),
                slug: r.kind.slug(),
                invitations: lang.int(i64::from(r.invitations)),
                cutoff: r.cutoff.to_string(),
                tie_break: r
                    .tie_break
                    .as_deref()
                    .map(|t| t.replacen('T', " ", 1))
                    .unwrap_or_default(),
            })
            .collect(),
        pool: pool(lang, &draws),
        errors,
    };
    page.into_response()
}

fn url_escape(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}
