//! A CRS result: the total, the subtotals, each line with the engine's basis, and a bar chart
//! (geometry precomputed for the SVG).

use crate::i18n::Messages as _;
use landed_rules::crs::CrsResult;

use super::words::{label, safe_href, text};
use crate::i18n::Lang;

/// One bar of the CRS chart (geometry precomputed for the SVG). The SVG has no `viewBox`, so
/// it is never scaled: its text stays at its CSS size (12 px and more) at every width, and the
/// bars are percentages of the width (issue 12 §2: labels readable on a phone).
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub points: i64,
    pub max: i64,
    /// Top of the bar and baseline of its label line, in px.
    pub y: i64,
    pub text_y: i64,
    /// The bar's length, in per cent of the chart's width (one decimal).
    pub width: String,
    pub value: String,
}

/// One CRS line, for the table.
#[derive(Debug, Clone)]
pub struct LineView {
    pub factor: String,
    pub label: String,
    pub points: String,
    pub max: String,
    pub basis: String,
    pub source: String,
    pub source_is_link: bool,
}

/// A CRS result ready to render.
#[derive(Debug, Clone)]
pub struct CrsView {
    pub total: String,
    pub total_n: i64,
    pub rule_set: String,
    pub subtotals: Vec<(String, String)>,
    pub lines: Vec<LineView>,
    pub bars: Vec<Bar>,
    pub chart_height: i64,
}

/// One row: the label line (16 px), then the bar (12 px), then space.
const CHART_ROW_H: i64 = 40;

/// Build the view of a CRS result.
pub fn crs_view(lang: Lang, c: &CrsResult) -> CrsView {
    let total_n = i64::from(c.total);
    let subtotals = [
        (c.core, "crs-section-core"),
        (c.spouse, "crs-section-spouse"),
        (c.skill_transferability, "crs-section-transferability"),
        (c.additional, "crs-section-additional"),
    ]
    .iter()
    .map(|(n, msg)| (lang.t(msg), lang.int(i64::from(*n))))
    .collect();
    let lines: Vec<LineView> = c
        .lines
        .iter()
        .map(|l| {
            let factor = l.factor.to_string();
            let source = l.source.to_string();
            LineView {
                label: label(
                    lang,
                    &format!("crs-factor-{}", factor.replace('.', "-")),
                    factor.rsplit('.').next().unwrap_or(&factor),
                ),
                points: lang.int(i64::from(l.points)),
                max: lang.int(i64::from(l.max)),
                basis: text(lang, &l.basis),
                source_is_link: !safe_href(&source).is_empty(),
                source,
                factor,
            }
        })
        .collect();
    let bars: Vec<Bar> = c
        .lines
        .iter()
        .zip(&lines)
        .enumerate()
        .map(|(i, (l, view))| {
            let points = i64::from(l.points);
            let max = i64::from(l.max).max(points).max(1);
            let row = i as i64;
            let per_mille = (points * 1000) / max;
            Bar {
                label: view.label.clone(),
                points,
                max,
                y: row * CHART_ROW_H + 20,
                text_y: row * CHART_ROW_H + 14,
                width: format!("{}.{}", per_mille / 10, per_mille % 10),
                value: format!("{} / {}", lang.int(points), lang.int(max)),
            }
        })
        .collect();
    CrsView {
        total: lang.int(total_n),
        total_n,
        rule_set: c.rule_set.clone(),
        subtotals,
        chart_height: (bars.len() as i64) * CHART_ROW_H + 4,
        lines,
        bars,
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use landed_rules::crs::CrsLine;
    use landed_rules::text::Text;

    use super::*;

    #[test]
    fn bars_scale_to_the_line_maximum() {
        let c = CrsResult {
            total: 472,
            rule_set: "crs-2025-03-25".into(),
            as_of: jiff::civil::date(2026, 11, 24),
            core: 400,
            spouse: 0,
            skill_transferability: 50,
            additional: 22,
            with_spouse: false,
            lines: vec![
                CrsLine {
                    factor: Cow::Borrowed("core.age"),
                    points: 110,
                    max: 110,
                    basis: Text::from("age 27"),
                    source: Cow::Borrowed("https://www.canada.ca/y"),
                },
                CrsLine {
                    factor: Cow::Borrowed("core.new_thing"),
                    points: 0,
                    max: 0,
                    basis: Text::from("none"),
                    source: Cow::Borrowed("javascript:alert(1)"),
                },
            ],
            notes: Vec::new(),
        };
        let v = crs_view(Lang::Fr, &c);
        assert_eq!(v.total, "472");
        assert_eq!(v.subtotals[0].1, "400");
        assert_eq!(v.bars[0].width, "100.0");
        assert_eq!(v.bars[1].width, "0.0");
        assert_eq!(v.bars[1].max, 1, "a zero maximum never divides by zero");
        assert!(v.lines[0].source_is_link);
        assert!(!v.lines[1].source_is_link);
        assert_eq!(v.lines[1].label, "New thing");
        assert_eq!(v.chart_height, 2 * CHART_ROW_H + 4);
    }
}
