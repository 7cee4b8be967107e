//! IRCC's feed (`ee_rounds_123_en.json`), field by field: its raw shape, the
//! lenient reading of its numbers and dates (the feed spells them many ways),
//! and one round parsed and checked, every error naming the round and field.

use jiff::civil::Date;
use serde::Deserialize;

use super::{DrawsError, Round, RoundType, ScoreRange, split_number};

#[derive(Deserialize)]
pub(super) struct RawFile {
    pub(super) rounds: Vec<RawRound>,
}

#[derive(Deserialize)]
#[allow(non_snake_case)]
pub(super) struct RawRound {
    #[serde(default)]
    drawNumber: Option<String>,
    #[serde(default)]
    drawDate: Option<String>,
    #[serde(default)]
    drawName: Option<String>,
    #[serde(default)]
    drawSize: Option<String>,
    #[serde(default)]
    drawCRS: Option<String>,
    #[serde(default)]
    drawCutOff: Option<String>,
    #[serde(default)]
    drawDistributionAsOn: Option<String>,
    #[serde(flatten)]
    rest: std::collections::HashMap<String, serde_json::Value>,
}

/// `dd` fields → score ranges, without the subtotals dd3, dd9 and the total dd18.
const DD: [(&str, u16, u16); 15] = [
    ("dd1", 601, 1200),
    ("dd2", 501, 600),
    ("dd4", 491, 500),
    ("dd5", 481, 490),
    ("dd6", 471, 480),
    ("dd7", 461, 470),
    ("dd8", 451, 460),
    ("dd10", 441, 450),
    ("dd11", 431, 440),
    ("dd12", 421, 430),
    ("dd13", 411, 420),
    ("dd14", 401, 410),
    ("dd15", 351, 400),
    ("dd16", 301, 350),
    ("dd17", 0, 300),
];

pub(super) fn count(s: &str) -> Option<u64> {
    let digits: String = s.trim().chars().filter(|c| *c != ',').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "August 16, 2026" (and the feed's variants: "August 19th 2026",
/// "March 02. 2024", "May 19,2022") → date and the rest of the tokens.
fn lenient_date(s: &str) -> Option<(Date, Vec<String>)> {
    let cleaned: String = s
        .chars()
        .map(|c| if c == ',' || c == '.' { ' ' } else { c })
        .collect();
    let mut tokens = cleaned.split_whitespace();
    let month_word = tokens.next()?.to_lowercase();
    let month = MONTHS.iter().position(|m| *m == month_word)? as i8 + 1;
    let day_tok = tokens.next()?;
    let day_digits: String = day_tok.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &day_tok[day_digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    let day: i8 = day_digits.parse().ok()?;
    let year_tok = tokens.next()?;
    if year_tok.len() != 4 {
        return None;
    }
    let year: i16 = year_tok.parse().ok()?;
    let date = Date::new(year, month, day).ok()?;
    Some((date, tokens.map(str::to_string).collect()))
}

/// The tie-break time as `YYYY-MM-DDTHH:MM:SS` (UTC), from the feed's many
/// spellings ("March 1, 2026 at 18:34:05 UTC", "… at 04:22:17 AM UTC", …).
pub fn parse_tie_break(s: &str) -> Option<String> {
    let (date, rest) = lenient_date(s)?;
    let mut time: Option<(u8, u8, u8)> = None;
    let mut pm = false;
    for t in &rest {
        let t = t.trim_start_matches("at");
        if let Some((h, ms)) = t.split_once(':') {
            let (m, sec) = ms.split_once(':')?;
            time = Some((h.parse().ok()?, m.parse().ok()?, sec.parse().ok()?));
        } else if t.eq_ignore_ascii_case("pm") {
            pm = true;
        }
    }
    let (mut h, m, sec) = time?;
    if pm && h < 12 {
        h += 12;
    }
    if h > 23 || m > 59 || sec > 59 {
        return None;
    }
    Some(format!("{date}T{h:02}:{m:02}:{sec:02}"))
}

pub(super) fn parse_round(i: usize, r: RawRound) -> Result<Round, DrawsError> {
    let _ = &r.rest;
    let number = r
        .drawNumber
        .as_deref()
        .map(str::trim)
        .unwrap_or("")
        .to_string();
    let round = if number.is_empty() {
        format!("#{}", i + 1)
    } else {
        number.clone()
    };
    let err = |field: &'static str, message: String| DrawsError::Field {
        round: round.clone(),
        field,
        message,
    };
    if split_number(&number).is_none() {
        return Err(err(
            "drawNumber",
            format!("`{number}` is not a round number (digits, then at most one letter)"),
        ));
    }
    let date_s = r.drawDate.unwrap_or_default();
    let date: Date = date_s
        .trim()
        .parse()
        .map_err(|_| err("drawDate", format!("`{date_s}` is not a date (YYYY-MM-DD)")))?;
    let name = r.drawName.unwrap_or_default().trim().to_string();
    if name.is_empty() {
        return Err(err("drawName", "missing".into()));
    }
    let size_s = r.drawSize.unwrap_or_default();
    let invitations = count(&size_s)
        .and_then(|n| u32::try_from(n).ok())
        .ok_or_else(|| {
            err(
                "drawSize",
                format!("`{size_s}` is not a number of invitations"),
            )
        })?;
    let crs_s = r.drawCRS.unwrap_or_default();
    let cutoff = count(&crs_s)
        .and_then(|n| u16::try_from(n).ok())
        .filter(|n| *n <= 1200)
        .ok_or_else(|| {
            err(
                "drawCRS",
                format!("`{crs_s}` is not a CRS score (0 to 1,200)"),
            )
        })?;
    let tie_break = r
        .drawCutOff
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map(|s| parse_tie_break(&s).unwrap_or(s));
    let mut ranges = Vec::with_capacity(DD.len());
    for (field, from, to) in DD {
        let v = match r.rest.get(field) {
            None => "0".to_string(),
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
        };
        let v = if v.trim().is_empty() { "0".into() } else { v };
        let n = count(&v)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| err(field, format!("`{v}` is not a count")))?;
        ranges.push(ScoreRange { from, to, count: n });
    }
    let distribution = ranges.iter().any(|r| r.count > 0).then_some(ranges);
    let dist_s = r.drawDistributionAsOn.unwrap_or_default();
    let distribution_as_of = if dist_s.trim().is_empty() || distribution.is_none() {
        None
    } else {
        Some(lenient_date(dist_s.trim()).map(|(d, _)| d).ok_or_else(|| {
            err(
                "drawDistributionAsOn",
                format!("`{dist_s}` is not a date (Month D, YYYY)"),
            )
        })?)
    };
    Ok(Round {
        number,
        date,
        kind: RoundType::classify(&name),
        name,
        invitations,
        cutoff,
        tie_break,
        distribution_as_of,
        distribution,
    })
}
