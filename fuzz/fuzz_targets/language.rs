//! Language-score conversion: any test, any date, any four scores (NaN, infinities, negative,
//! half-bands), with or without a TEF scale. `convert` may refuse; it may not panic, and a
//! result it gives has a level for each ability.
#![no_main]

use arbitrary::Arbitrary;
use landed_rules::Date;
use landed_rules::language::{LanguageTest, TefScale, TestKind, convert};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    kind: u8,
    day: u16,
    scores: [f64; 4],
    /// 0: none, 1: score_699, 2: ancien score.
    tef_scale: u8,
}

fuzz_target!(|input: Input| {
    let test = TestKind::ALL[usize::from(input.kind) % TestKind::ALL.len()];
    // Any day of 2010–2030 (charts change within it; before and after are refused).
    let d = input.day % (21 * 12 * 28);
    let (year, month, day) = (
        2010 + (d / (12 * 28)) as i16,
        (d / 28 % 12) as i8 + 1,
        (d % 28) as i8 + 1,
    );
    let Ok(test_date) = Date::new(year, month, day) else {
        return;
    };
    let tef_scale = match input.tef_scale % 3 {
        1 => Some(TefScale::Score699),
        2 => Some(TefScale::AncienScore),
        _ => None,
    };
    let [listening, reading, writing, speaking] = input.scores;
    let t = LanguageTest {
        test,
        test_date,
        listening,
        reading,
        writing,
        speaking,
        tef_scale,
    };
    let _ = convert(&t);
});
