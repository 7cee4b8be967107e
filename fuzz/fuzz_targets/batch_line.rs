//! Batch input as `landed crs|assess FILE --format jsonl` splits it: one JSON document, an
//! array (one item per result) or JSON Lines; each item parsed as CRS answers and as a profile
//! (`landed_rules::json::from_str` / `from_value`, the functions the CLI calls per line) and
//! scored. Any line may be refused; none may panic.
#![no_main]

use landed_rules::Date;
use landed_rules::crs::CrsAnswers;
use landed_rules::profile::Profile;
use libfuzzer_sys::fuzz_target;

fn one_line(text: &str, today: Date) {
    if let Ok(a) = landed_rules::json::from_str::<CrsAnswers>(text)
        && a.validate().is_ok()
    {
        let _ = landed_rules::totals::score_totals(&a, today);
    }
    if let Ok(p) = landed_rules::json::from_str::<Profile>(text) {
        let _ = landed_rules::assess::assess(&p, p.as_of.unwrap_or(today));
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let today = Date::constant(2026, 11, 24);
    let trimmed = input.trim_start();
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && let Ok(value) = serde_json::from_str::<serde_json::Value>(input)
    {
        match value {
            serde_json::Value::Array(items) => {
                for v in items.into_iter().take(64) {
                    if let Ok(a) = landed_rules::json::from_value::<CrsAnswers>(v.clone())
                        && a.validate().is_ok()
                    {
                        let _ = landed_rules::totals::score_totals(&a, today);
                    }
                    let _ = landed_rules::json::from_value::<Profile>(v);
                }
            }
            _ => one_line(input, today),
        }
        return;
    }
    for line in input.lines().filter(|l| !l.trim().is_empty()).take(64) {
        one_line(line, today);
    }
});
