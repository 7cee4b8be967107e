//! Pool simulation (issue 11 §5; `../shared/contracts/planning.md`, "Pool"):
//! who a round of K invitations reaches in a pool of candidates, and a
//! synthetic pool drawn from a round's published score distribution.
//!
//! Invitations go by CRS, highest first, then by the time the profile was
//! submitted, earliest first (the tie-breaking rule IRCC applies and
//! publishes with each round, e.g. "Tie-breaking rule: 2026-03-01 10:00:00
//! UTC"; <https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-rounds.html>).
//! The last candidate invited gives the round's cutoff score and tie-break time.
//!
//! Pure: no I/O. Selection is a partial selection (`select_nth_unstable`),
//! linear on average, not a sort.

use jiff::Timestamp;
use serde::Serialize;

use crate::{Result, RulesError};

/// The page that publishes each round, its cutoff and its tie-breaking rule.
pub const SOURCE: &str = "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/policies-operational-instructions-agreements/ministerial-instructions/express-entry-rounds.html";

/// One candidate in the pool: a CRS score and when the profile was submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub crs: u16,
    pub submitted: Timestamp,
}

impl Candidate {
    /// The invitation order: a smaller key is invited first.
    fn key(&self) -> (std::cmp::Reverse<u16>, Timestamp) {
        (std::cmp::Reverse(self.crs), self.submitted)
    }
}

/// One range of a round's published distribution: `count` candidates with a
/// score from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ScoreRange {
    pub from: u16,
    pub to: u16,
    pub count: u32,
}

/// The outcome of a round (the contract's names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Selection {
    /// Candidates in the pool.
    pub pool: usize,
    /// Invitations the round issues.
    pub invitations: usize,
    /// Candidates invited: `invitations`, or the whole pool when it is smaller.
    pub invited: usize,
    /// The score of the last candidate invited (`null` when nobody is).
    pub cutoff: Option<u16>,
    /// When the last candidate invited submitted their profile (`null` when nobody is).
    pub tie_break: Option<Timestamp>,
}

/// Issue `invitations` invitations in `pool`. The candidates are reordered:
/// afterwards the first `invited` of them are those invited (in no
/// particular order), the last of them being the last one invited.
pub fn select(pool: &mut [Candidate], invitations: usize) -> Selection {
    let invited = invitations.min(pool.len());
    let last = match invited {
        0 => None,
        n if n == pool.len() => {
            // Everyone: the last invited is the lowest in the order.
            let i = (0..pool.len()).max_by_key(|&i| pool[i].key());
            if let Some(i) = i {
                pool.swap(i, n - 1);
            }
            pool.last().copied()
        }
        n => {
            let (_, last, _) = pool.select_nth_unstable_by_key(n - 1, Candidate::key);
            Some(*last)
        }
    };
    Selection {
        pool: pool.len(),
        invitations,
        invited,
        cutoff: last.map(|c| c.crs),
        tie_break: last.map(|c| c.submitted),
    }
}

/// How far back the submission times of a synthetic pool go: profiles stay
/// in the pool for 12 months, and most of a pool is recent; half a year
/// spreads the ties over realistic times.
pub const SUBMISSION_WINDOW_SECONDS: i64 = 182 * 24 * 3600;

/// A reproducible pool drawn from a published distribution: for each range,
/// `count` candidates with a score drawn uniformly from `from` to `to`, and
/// a submission time drawn uniformly (to the second) over the
/// [`SUBMISSION_WINDOW_SECONDS`] before `until`. The same distribution,
/// seed and `until` give the same pool on every machine.
pub fn synthetic_pool(
    distribution: &[ScoreRange],
    seed: u64,
    until: Timestamp,
) -> Result<Vec<Candidate>> {
    let mut total = 0usize;
    for (i, r) in distribution.iter().enumerate() {
        if r.from > r.to {
            return Err(RulesError::invalid(
                format!("distribution[{i}].to"),
                format!("the range ends ({}) before it starts ({})", r.to, r.from),
            ));
        }
        total = total.saturating_add(r.count as usize);
    }
    let end = until.as_second();
    let start = end - SUBMISSION_WINDOW_SECONDS;
    let mut rng = SplitMix64(seed);
    let mut pool = Vec::with_capacity(total);
    for r in distribution {
        let width = u64::from(r.to - r.from) + 1;
        for _ in 0..r.count {
            let crs = r.from + rng.below(width) as u16;
            let second = start + rng.below(SUBMISSION_WINDOW_SECONDS as u64) as i64;
            let submitted = Timestamp::from_second(second)
                .map_err(|e| RulesError::invalid("until", e.to_string()))?;
            pool.push(Candidate { crs, submitted });
        }
    }
    Ok(pool)
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a fixed, published algorithm,
/// so a seed gives the same pool whatever the version of a random crate.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform below `n` (> 0) by multiply-and-shift (Lemire); the bias,
    /// below n / 2^64, is far below anything a pool shows.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use proptest::prelude::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn c(crs: u16, submitted: &str) -> Candidate {
        Candidate {
            crs,
            submitted: at(submitted),
        }
    }

    #[test]
    fn highest_score_first_then_earliest_submission() {
        let mut pool = vec![
            c(500, "2026-03-01T10:00:00Z"),
            c(512, "2026-03-02T10:00:00Z"),
            c(512, "2026-03-01T10:00:00Z"),
            c(530, "2026-05-01T00:00:00Z"),
            c(512, "2026-02-01T00:00:00Z"),
        ];
        let s = select(&mut pool, 3);
        assert_eq!(
            s,
            Selection {
                pool: 5,
                invitations: 3,
                invited: 3,
                cutoff: Some(512),
                tie_break: Some(at("2026-03-01T10:00:00Z")),
            }
        );
        let mut invited: Vec<_> = pool[..3].to_vec();
        invited.sort_by_key(Candidate::key);
        assert_eq!(
            invited,
            [
                c(530, "2026-05-01T00:00:00Z"),
                c(512, "2026-02-01T00:00:00Z"),
                c(512, "2026-03-01T10:00:00Z")
            ]
        );
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"pool":5,"invitations":3,"invited":3,"cutoff":512,"tie_break":"2026-03-01T10:00:00Z"}"#
        );
    }

    #[test]
    fn more_invitations_than_candidates_invites_everyone_and_none_invites_nobody() {
        let mut pool = vec![
            c(400, "2026-01-01T00:00:00Z"),
            c(390, "2026-01-02T00:00:00Z"),
        ];
        let s = select(&mut pool, 10);
        assert_eq!((s.invited, s.cutoff), (2, Some(390)));
        assert_eq!(s.tie_break, Some(at("2026-01-02T00:00:00Z")));
        let s = select(&mut pool, 0);
        assert_eq!((s.invited, s.cutoff, s.tie_break), (0, None, None));
        let s = select(&mut [], 5);
        assert_eq!((s.pool, s.invited, s.cutoff), (0, 0, None));
    }

    #[test]
    fn a_synthetic_pool_follows_its_distribution_and_its_seed() {
        let until = at("2026-08-17T00:00:00Z");
        let dist = [
            ScoreRange {
                from: 601,
                to: 1200,
                count: 412,
            },
            ScoreRange {
                from: 501,
                to: 600,
                count: 20_000,
            },
            ScoreRange {
                from: 451,
                to: 500,
                count: 60_000,
            },
            ScoreRange {
                from: 0,
                to: 300,
                count: 5,
            },
        ];
        let pool = synthetic_pool(&dist, 7, until).unwrap();
        assert_eq!(pool.len(), 80_417);
        assert_eq!(pool, synthetic_pool(&dist, 7, until).unwrap());
        assert_ne!(pool, synthetic_pool(&dist, 8, until).unwrap());
        for (range, part) in [(0, 0..412), (1, 412..20_412), (2, 20_412..80_412)] {
            let r = dist[range];
            let scores: Vec<u16> = pool[part].iter().map(|c| c.crs).collect();
            assert!(scores.iter().all(|s| (r.from..=r.to).contains(s)));
            // Uniform: both halves of the range are drawn, about equally.
            let mid = r.from + (r.to - r.from) / 2;
            let low = scores.iter().filter(|&&s| s <= mid).count() as f64;
            let share = low / scores.len() as f64;
            assert!((0.45..0.56).contains(&share), "{range}: {share}");
        }
        let start = until.as_second() - SUBMISSION_WINDOW_SECONDS;
        assert!(pool.iter().all(|c| {
            let s = c.submitted.as_second();
            (start..until.as_second()).contains(&s)
        }));
        // 3,000 invitations fall in the 501-600 range.
        let mut pool = pool;
        let s = select(&mut pool, 3_000);
        assert!((501..=600).contains(&s.cutoff.unwrap()));
    }

    #[test]
    fn a_range_that_ends_before_it_starts_names_its_field() {
        let e = synthetic_pool(
            &[ScoreRange {
                from: 500,
                to: 400,
                count: 1,
            }],
            1,
            at("2026-01-01T00:00:00Z"),
        )
        .unwrap_err();
        assert_eq!(e.field(), "distribution[0].to");
    }

    proptest! {
        /// The selection is the first `k` of a full sort by (CRS desc, submitted asc).
        #[test]
        fn selection_matches_a_full_sort(
            raw in proptest::collection::vec((300u16..320, 0i64..50), 0..300),
            k in 0usize..320,
        ) {
            let mut pool: Vec<Candidate> = raw
                .iter()
                .map(|&(crs, s)| Candidate { crs, submitted: Timestamp::from_second(1_700_000_000 + s).unwrap() })
                .collect();
            let mut sorted = pool.clone();
            sorted.sort_by_key(Candidate::key);
            let s = select(&mut pool, k);
            let n = k.min(sorted.len());
            prop_assert_eq!(s.invited, n);
            prop_assert_eq!(s.cutoff, n.checked_sub(1).map(|i| sorted[i].crs));
            prop_assert_eq!(s.tie_break, n.checked_sub(1).map(|i| sorted[i].submitted));
            let mut invited = pool[..n].to_vec();
            invited.sort_by_key(Candidate::key);
            let keys = |v: &[Candidate]| v.iter().map(Candidate::key).collect::<Vec<_>>();
            prop_assert_eq!(keys(&invited), keys(&sorted[..n]));
        }
    }
}
