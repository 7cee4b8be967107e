//! The equivalency charts (`data/language/*.toml`): their TOML shape, the
//! checks a chart passes when it loads (levels in order, ranges contiguous and
//! on the score scale), and the compiled form a conversion looks scores up in.

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::Deserialize;

use super::{DATA_FILES, Loaded, TefScale, TestKind, load_error};
use crate::clb::{Ability, Clb};
use crate::dated::{Table, Version, de_opt_date};
use crate::error::Result;

/// One score scale, e.g. IELTS 0 to 9 in steps of 0.5.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Scale {
    pub(super) min: f64,
    pub(super) max: f64,
    pub(super) step: f64,
    /// A hint for people, e.g. "enter M as 0".
    #[serde(default)]
    pub(super) note: Option<String>,
}

impl Scale {
    pub(super) fn accepts(&self, score: f64) -> bool {
        score.is_finite()
            && score >= self.min
            && score <= self.max
            && ((score - self.min) / self.step).fract() == 0.0
    }

    pub(super) fn describe(&self) -> String {
        let range = if self.step == 1.0 {
            format!("whole numbers from {} to {}", self.min, self.max)
        } else {
            format!(
                "bands {} to {} in steps of {}",
                self.min, self.max, self.step
            )
        };
        match &self.note {
            Some(note) => format!("{range} ({note})"),
            None => range,
        }
    }

    pub(super) fn check(&self) -> std::result::Result<(), String> {
        let steps = (self.max - self.min) / self.step;
        if !(self.min.is_finite() && self.max.is_finite() && self.step > 0.0)
            || self.min >= self.max
            || steps.fract() != 0.0
        {
            return Err(format!(
                "scale {} to {} in steps of {} is malformed",
                self.min, self.max, self.step
            ));
        }
        Ok(())
    }
}

/// A chart cell: a minimum (the band runs up to the next level's minimum) or
/// an inclusive `[min, max]` range as IRCC prints it.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(untagged)]
pub(super) enum Cell {
    Min(f64),
    Range([f64; 2]),
}

impl Cell {
    pub(super) fn min(self) -> f64 {
        match self {
            Cell::Min(m) | Cell::Range([m, _]) => m,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PerAbility<T> {
    pub(super) listening: T,
    pub(super) reading: T,
    pub(super) writing: T,
    pub(super) speaking: T,
}

impl<T> PerAbility<T> {
    /// In [`Ability::ALL`] order.
    pub(super) fn into_array(self) -> [T; 4] {
        [self.listening, self.reading, self.writing, self.speaking]
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RowSpec {
    pub(super) clb: u8,
    pub(super) listening: Cell,
    pub(super) reading: Cell,
    pub(super) writing: Cell,
    pub(super) speaking: Cell,
}

impl RowSpec {
    /// In [`Ability::ALL`] order.
    pub(super) fn cells(&self) -> [Cell; 4] {
        [self.listening, self.reading, self.writing, self.speaking]
    }
}

/// A chart version as written in TOML.
#[derive(Debug, Clone, Deserialize)]
pub(super) struct ChartSpec {
    pub(super) scale: PerAbility<Scale>,
    #[serde(default, rename = "row")]
    pub(super) rows: Vec<RowSpec>,
    /// TEF Canada only: tests taken before this day report the old scale.
    #[serde(default, deserialize_with = "de_opt_date")]
    pub(super) old_scale_tests_before: Option<Date>,
}

/// A chart version ready for lookups.
#[derive(Debug, Clone)]
pub(super) struct Chart {
    /// Per ability, in [`Ability::ALL`] order.
    pub(super) scales: [Scale; 4],
    /// Per ability: (minimum score, level), highest level first.
    pub(super) bands: [Vec<(f64, Clb)>; 4],
    /// Per ability: the lowest level the chart publishes.
    pub(super) lowest: [Clb; 4],
    pub(super) old_scale_tests_before: Option<Date>,
    /// `{table id}_{effective_from}`, e.g. `language.ielts_general_2015_01_01`
    /// (made once at load; each result borrows it).
    pub(super) id: String,
}

impl Chart {
    /// The level of a score already accepted by the scale: the highest level
    /// whose minimum it meets, else 0. No allocation.
    pub(super) fn level(&self, ability_index: usize, score: f64) -> Clb {
        self.bands[ability_index]
            .iter()
            .find(|(min, _)| score >= *min)
            .map_or(Clb::ZERO, |(_, clb)| *clb)
    }

    pub(super) fn compile(spec: ChartSpec) -> std::result::Result<Chart, String> {
        let scales = spec.scale.into_array();
        for (scale, ability) in scales.iter().zip(Ability::ALL) {
            scale.check().map_err(|e| format!("{ability}: {e}"))?;
        }
        if spec.rows.is_empty() {
            return Err("no rows".into());
        }
        let mut columns: [Vec<(u8, Cell)>; 4] = Default::default();
        let mut previous_clb: Option<u8> = None;
        for row in spec.rows {
            if row.clb == 0 || row.clb > 10 {
                return Err(format!("row CLB {} is outside 1 to 10", row.clb));
            }
            if let Some(p) = previous_clb
                && row.clb >= p
            {
                return Err(format!(
                    "rows out of order: CLB {} after CLB {p} (highest first)",
                    row.clb
                ));
            }
            previous_clb = Some(row.clb);
            for (column, cell) in columns.iter_mut().zip(row.cells()) {
                column.push((row.clb, cell));
            }
        }
        let mut bands: [Vec<(f64, Clb)>; 4] = Default::default();
        let mut lowest = [Clb::ZERO; 4];
        for (i, ability) in Ability::ALL.into_iter().enumerate() {
            let scale = &scales[i];
            let column = &columns[i];
            check_column(scale, column).map_err(|e| format!("{ability}: {e}"))?;
            bands[i] = column
                .iter()
                .map(|(clb, cell)| (cell.min(), Clb::from_table(*clb)))
                .collect();
            lowest[i] = column
                .last()
                .map_or(Clb::ZERO, |(clb, _)| Clb::from_table(*clb));
        }
        Ok(Chart {
            scales,
            bands,
            lowest,
            old_scale_tests_before: spec.old_scale_tests_before,
            id: String::new(),
        })
    }
}

/// One ability's column, highest level first: every cell on the scale,
/// minimums strictly decreasing, and ranges (if used, then for every row)
/// joining each other with no gap or overlap and reaching the top of the scale.
pub(super) fn check_column(
    scale: &Scale,
    column: &[(u8, Cell)],
) -> std::result::Result<(), String> {
    let ranges = matches!(column.first(), Some((_, Cell::Range(_))));
    for (k, (clb, cell)) in column.iter().enumerate() {
        let min = cell.min();
        if !scale.accepts(min) {
            return Err(format!("CLB {clb}: minimum {min} is not on the scale"));
        }
        match (ranges, cell) {
            (true, Cell::Range([lo, hi])) => {
                if !scale.accepts(*hi) || hi < lo {
                    return Err(format!("CLB {clb}: range {lo} to {hi} is malformed"));
                }
                let expected_hi = match k.checked_sub(1).and_then(|j| column.get(j)) {
                    Some((_, above)) => above.min() - scale.step,
                    None => scale.max,
                };
                if *hi != expected_hi {
                    return Err(format!(
                        "CLB {clb}: range {lo} to {hi} should end at {expected_hi}"
                    ));
                }
            }
            (false, Cell::Min(_)) => {}
            _ => return Err(format!("CLB {clb}: mixes minimums and ranges")),
        }
        if k > 0
            && let Some((above_clb, above)) = column.get(k - 1)
            && min >= above.min()
        {
            return Err(format!(
                "CLB {clb}: minimum {min} is not below CLB {above_clb}'s {}",
                above.min()
            ));
        }
    }
    Ok(())
}

/// The tables a conversion can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ChartKey {
    Ielts,
    Celpip,
    Pte,
    TefAncien,
    Tef699,
    Tcf,
}

impl ChartKey {
    pub(super) const ALL: [ChartKey; 6] = [
        ChartKey::Ielts,
        ChartKey::Celpip,
        ChartKey::Pte,
        ChartKey::TefAncien,
        ChartKey::Tef699,
        ChartKey::Tcf,
    ];

    pub(super) fn for_test(test: TestKind, tef_scale: Option<TefScale>) -> ChartKey {
        match test {
            TestKind::IeltsGeneral => ChartKey::Ielts,
            TestKind::CelpipGeneral => ChartKey::Celpip,
            TestKind::PteCore => ChartKey::Pte,
            TestKind::TcfCanada => ChartKey::Tcf,
            TestKind::TefCanada => match tef_scale {
                Some(TefScale::Score699) => ChartKey::Tef699,
                _ => ChartKey::TefAncien,
            },
        }
    }

    pub(super) fn index(self) -> usize {
        match self {
            ChartKey::Ielts => 0,
            ChartKey::Celpip => 1,
            ChartKey::Pte => 2,
            ChartKey::TefAncien => 3,
            ChartKey::Tef699 => 4,
            ChartKey::Tcf => 5,
        }
    }

    pub(super) fn file(self) -> (&'static str, &'static str) {
        DATA_FILES[self.index()]
    }
}

pub(super) static CHARTS: LazyLock<[Loaded<Chart>; 6]> =
    LazyLock::new(|| ChartKey::ALL.map(|key| load_chart(key.file())));

pub(super) fn load_chart((file, text): (&str, &'static str)) -> Loaded<Chart> {
    let spec: Table<ChartSpec> = Table::from_embedded(text).map_err(|e| format!("{file}: {e}"))?;
    let mut versions = Vec::with_capacity(spec.versions.len());
    for v in spec.versions {
        let mut values = Chart::compile(v.values).map_err(|e| {
            format!(
                "{file}: table {} version from {}: {e}",
                spec.id, v.effective_from
            )
        })?;
        let d = v.effective_from;
        values.id = format!(
            "{}_{:04}_{:02}_{:02}",
            spec.id,
            d.year(),
            d.month(),
            d.day()
        );
        versions.push(Version {
            effective_from: v.effective_from,
            effective_to: v.effective_to,
            source: v.source,
            verified_on: v.verified_on,
            values,
        });
    }
    let table = Table {
        id: spec.id,
        description: spec.description,
        versions,
    };
    table.check().map_err(|p| format!("{file}: {p}"))?;
    Ok(table)
}

pub(super) fn chart_table(key: ChartKey) -> Result<&'static Table<Chart>> {
    CHARTS[key.index()].as_ref().map_err(|e| load_error(e))
}
