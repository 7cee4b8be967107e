//! A profile as the CLI, the API and the wizard read it: parse, then assess. Any input may be
//! refused with an error; none may panic.
#![no_main]

use landed_rules::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(profile) = landed_rules::profile::parse_profile(text) else {
        return;
    };
    let today = Date::constant(2026, 11, 24);
    let as_of = profile.as_of.unwrap_or(today);
    if let Ok(a) = landed_rules::assess::assess(&profile, as_of) {
        let _ = serde_json::to_string(&a);
    }
});
