//! The FSW selection grid: each factor (and adaptability item) against its maximum, the
//! total against the pass mark.

use crate::i18n::Messages as _;
use landed_rules::programs::{Grid, GridLine};

use super::words::{label, status_label, text};
use crate::i18n::{Arg, Lang};

/// One factor (or adaptability item) of the FSW selection grid.
#[derive(Debug, Clone)]
pub struct GridRow {
    pub id: String,
    pub label: String,
    pub points: String,
    pub max: String,
    /// "up to N" when facts the profile does not hold could add points, else empty.
    pub up_to: String,
    /// The engine's explanation (English).
    pub detail: String,
    /// An item of the factor above it (adaptability); `parent` is that factor's label.
    pub parent: String,
}

/// The FSW selection grid ready to render.
#[derive(Debug, Clone)]
pub struct GridView {
    pub total: String,
    pub max: String,
    pub pass_mark: String,
    /// The best case with facts the profile does not hold, when above the total; else empty.
    pub possible: String,
    /// `met`, `not_met` or `unknown` (against the pass mark).
    pub status: String,
    pub status_label: String,
    /// One sentence: the total against the pass mark.
    pub summary: String,
    pub rows: Vec<GridRow>,
}

/// "up to N" for a grid line whose `up_to` is above its points.
fn up_to_text(lang: Lang, line: &GridLine) -> String {
    match line.up_to {
        Some(u) if u > line.points => lang.t1("grid-up-to", "points", &lang.int(i64::from(u))),
        _ => String::new(),
    }
}

/// The Fluent id of a grid line: `fsw.grid.adaptability.study_in_canada` → `grid-adaptability-study_in_canada`.
fn grid_label(lang: Lang, id: &str) -> String {
    let short = id.strip_prefix("fsw.grid.").unwrap_or(id);
    label(
        lang,
        &format!("grid-{}", short.replace('.', "-")),
        short.rsplit('.').next().unwrap_or(short),
    )
}

fn row(lang: Lang, l: &GridLine, label: String, parent: String) -> GridRow {
    GridRow {
        label,
        points: lang.int(i64::from(l.points)),
        max: lang.int(i64::from(l.max)),
        up_to: up_to_text(lang, l),
        detail: text(lang, &l.detail),
        parent,
        id: l.id.to_string(),
    }
}

/// Build the view of the FSW selection grid (`programs.fsw.grid`).
pub fn grid_view(lang: Lang, g: &Grid) -> GridView {
    let total = i64::from(g.total);
    let max = i64::from(g.max);
    let pass = i64::from(g.pass_mark);
    let possible = i64::from(g.possible).max(total);
    let mut rows = Vec::new();
    for l in &g.lines {
        let parent = grid_label(lang, l.id);
        rows.push(row(lang, l, parent.clone(), String::new()));
        for item in &l.items {
            rows.push(row(lang, item, grid_label(lang, item.id), parent.clone()));
        }
    }
    // The same rule as the engine's `fsw.selection_grid` requirement.
    let status = if total >= pass {
        "met"
    } else if possible < pass {
        "not_met"
    } else {
        "unknown"
    };
    let args = [
        ("total", Arg::Str(lang.int(total))),
        ("max", Arg::Str(lang.int(max))),
        ("pass", Arg::Str(lang.int(pass))),
        ("possible", Arg::Str(lang.int(possible))),
    ];
    let summary_key = match status {
        "met" => "grid-summary-met",
        "not_met" if possible > total => "grid-summary-not_met-possible",
        "not_met" => "grid-summary-not_met",
        _ => "grid-summary-unknown",
    };
    GridView {
        total: lang.int(total),
        max: lang.int(max),
        pass_mark: lang.int(pass),
        possible: if possible > total {
            lang.int(possible)
        } else {
            String::new()
        },
        status: status.to_string(),
        status_label: status_label(lang, status),
        summary: lang.ta(summary_key, &args),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use landed_rules::text::Text;

    use super::*;

    fn line(
        id: &'static str,
        points: u8,
        max: u8,
        up_to: Option<u8>,
        detail: &'static str,
    ) -> GridLine {
        GridLine {
            id,
            points,
            max,
            up_to,
            detail: Text::from(detail),
            source: None,
            items: Vec::new(),
        }
    }

    #[test]
    fn grid_marks_up_to_and_decides_against_the_pass_mark() {
        let mut adaptability = line("fsw.grid.adaptability", 0, 10, Some(10), "0 points");
        adaptability.items.push(line(
            "fsw.grid.adaptability.relatives_in_canada",
            0,
            5,
            Some(5),
            "No sibling",
        ));
        let g = Grid {
            total: 48,
            max: 100,
            pass_mark: 67,
            possible: 86,
            lines: vec![
                line(
                    "fsw.grid.first_language",
                    0,
                    24,
                    Some(24),
                    "No language test recorded",
                ),
                line("fsw.grid.age", 12, 12, None, "Age 32"),
                adaptability,
                line("fsw.grid.new_factor", 1, 2, None, "?"),
            ],
        };
        let v = grid_view(Lang::Fr, &g);
        assert_eq!(v.status, "unknown");
        assert_eq!(v.possible, "86");
        assert_eq!(v.rows.len(), 5);
        assert_eq!(v.rows[0].label, "Première langue officielle");
        assert_eq!(v.rows[0].up_to, "jusqu’à 24");
        assert_eq!(v.rows[1].up_to, "");
        assert_eq!(v.rows[3].parent, "Capacité d’adaptation");
        assert_eq!(v.rows[3].label, "Membres de la famille au Canada");
        // An id without a message is humanised rather than shown raw.
        assert_eq!(v.rows[4].label, "New factor");
        assert!(
            v.summary
                .starts_with("48 points sur 100 d’après vos réponses, jusqu’à 86")
        );
        let mut low = g.clone();
        low.possible = 60;
        assert_eq!(grid_view(Lang::En, &low).status, "not_met");
        assert!(grid_view(Lang::En, &low).summary.contains("at most 60"));
        low.total = 67;
        assert_eq!(grid_view(Lang::En, &low).status, "met");
        assert_eq!(grid_view(Lang::En, &low).possible, "");
    }
}
