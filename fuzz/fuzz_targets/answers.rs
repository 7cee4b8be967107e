//! CRS answers (the official tool's questions): parse, then score with every explanation and
//! as totals. Any input may be refused with an error; none may panic.
#![no_main]

use landed_rules::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(answers) = landed_rules::crs::parse_answers(text) else {
        return;
    };
    let today = Date::constant(2026, 11, 24);
    if let Ok(r) = landed_rules::crs::score_answers(&answers, today) {
        let _ = serde_json::to_string(&r);
    }
    let _ = landed_rules::totals::score_totals(&answers, today);
});
