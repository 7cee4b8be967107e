//! The plan search: the fewest fields, each at its lowest value, that bring
//! the CRS to a target (exact; see the module documentation of `whatif`).

use jiff::civil::Date;

use super::{Field, Scorer};
use crate::crs::CrsAnswers;
use crate::error::Result;

/// What the plan search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    AlreadyMet,
    /// Even every plan field at its highest value does not reach the target.
    OutOfReach,
    /// The fields (in order) and their value codes, and the total.
    Plan(Vec<(Field, u8)>, u16),
}

/// The smallest plan reaching `target` (see the module documentation).
pub fn search_plan(a: &CrsAnswers, as_of: Date, target: u16) -> Result<Search> {
    let scorer = Scorer::new(as_of)?;
    Ok(search_with(a, target, &|x| scorer.total(x)))
}

/// The fields a plan may change that can still go up, with their ranges.
pub(super) fn plan_fields(a: &CrsAnswers) -> Vec<(Field, u8, u8)> {
    Field::all_for(a)
        .into_iter()
        .filter(|f| f.in_plans())
        .map(|f| (f, f.code(a) + 1, f.max_code()))
        .filter(|(_, lo, hi)| lo <= hi)
        .collect()
}

pub(super) fn search_with(
    a: &CrsAnswers,
    target: u16,
    total: &dyn Fn(&CrsAnswers) -> u16,
) -> Search {
    if total(a) >= target {
        return Search::AlreadyMet;
    }
    let fields = plan_fields(a);
    let mut top = a.clone();
    for &(f, _, hi) in &fields {
        f.set(&mut top, hi);
    }
    if total(&top) < target {
        return Search::OutOfReach;
    }
    let n = fields.len();
    for k in 1..=n {
        let mut best: Option<(u16, Vec<(Field, u8)>)> = None;
        let mut combo: Vec<usize> = (0..k).collect();
        loop {
            let chosen: Vec<(Field, u8, u8)> = combo.iter().map(|&i| fields[i]).collect();
            let mut work = a.clone();
            for &(f, _, hi) in &chosen {
                f.set(&mut work, hi);
            }
            if total(&work) >= target {
                let mut codes = vec![0u8; k];
                dfs(&chosen, 0, &mut work, &mut codes, target, total, &mut best);
            }
            if !next_combination(&mut combo, n) {
                break;
            }
        }
        if let Some((crs, plan)) = best {
            return Search::Plan(plan, crs);
        }
    }
    // Unreachable: all fields at their highest reach the target.
    Search::OutOfReach
}

/// Assign values to `chosen[i..]` (lowest first), the fields after `i` at
/// their highest in `work`; keep each minimal assignment, the lowest total.
fn dfs(
    chosen: &[(Field, u8, u8)],
    i: usize,
    work: &mut CrsAnswers,
    codes: &mut [u8],
    target: u16,
    total: &dyn Fn(&CrsAnswers) -> u16,
    best: &mut Option<(u16, Vec<(Field, u8)>)>,
) {
    let (f, lo, hi) = chosen[i];
    // The lowest value that still reaches (with the rest at their highest);
    // every higher value does too (monotone).
    let mut v = lo;
    loop {
        f.set(work, v);
        if total(work) >= target || v == hi {
            break;
        }
        v += 1;
    }
    if i + 1 == chosen.len() {
        codes[i] = v;
        let reached = total(work);
        if reached >= target && is_minimal(chosen, work, codes, target, total) {
            let better = best.as_ref().is_none_or(|(b, _)| reached < *b);
            if better {
                let plan = chosen
                    .iter()
                    .zip(codes.iter())
                    .map(|(&(f, _, _), &c)| (f, c))
                    .collect();
                *best = Some((reached, plan));
            }
        }
    } else {
        for value in v..=hi {
            f.set(work, value);
            codes[i] = value;
            dfs(chosen, i + 1, work, codes, target, total, best);
        }
    }
    f.set(work, hi);
}

/// Lowering any one field by one step misses the target (the last field is
/// already at its lowest; a field at its lowest step would mean a smaller
/// plan, which the search has ruled out).
fn is_minimal(
    chosen: &[(Field, u8, u8)],
    work: &mut CrsAnswers,
    codes: &[u8],
    target: u16,
    total: &dyn Fn(&CrsAnswers) -> u16,
) -> bool {
    let last = chosen.len() - 1;
    for (j, &(f, lo, _)) in chosen.iter().enumerate().take(last) {
        if codes[j] > lo {
            f.set(work, codes[j] - 1);
            let misses = total(work) < target;
            f.set(work, codes[j]);
            if !misses {
                return false;
            }
        }
    }
    true
}

/// The next k-combination of 0..n in lexicographic order.
fn next_combination(c: &mut [usize], n: usize) -> bool {
    let k = c.len();
    let mut i = k;
    while i > 0 {
        i -= 1;
        if c[i] < n - k + i {
            c[i] += 1;
            for j in i + 1..k {
                c[j] = c[j - 1] + 1;
            }
            return true;
        }
    }
    false
}
