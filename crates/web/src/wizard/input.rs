//! A step's form into the draft (only the fields the step holds), entries added and
//! removed, and numbers as people type them.

use std::collections::BTreeMap;

use super::fields::{FieldDef, Kind, step_parts};
use super::{Draft, MAX_ENTRIES, count, count_key, entry_key};
use crate::i18n::Lang;

/// The definition of `name` if this step accepts it (top-level, or an entry field of a list).
fn field_def(step: &str, name: &str) -> Option<&'static FieldDef> {
    let (fields, lists) = step_parts(step);
    if let Some(fd) = fields.iter().find(|f| f.key == name) {
        return Some(fd);
    }
    lists.into_iter().find_map(|l| {
        let (i, field) = name
            .strip_prefix(l.path)
            .and_then(|rest| rest.strip_prefix('['))
            .and_then(|rest| rest.split_once("]."))?;
        if i.parse::<usize>().is_ok_and(|i| i < MAX_ENTRIES) {
            l.fields.iter().find(|f| f.key == field)
        } else {
            None
        }
    })
}

/// Replace the step's part of the draft with what the form sent.
pub fn merge_step(lang: Lang, d: &mut Draft, step: &str, form: &BTreeMap<String, String>) {
    let (fields, lists) = step_parts(step);
    for fd in fields {
        d.remove(fd.key);
    }
    for l in &lists {
        let prefix = format!("{}[", l.path);
        d.retain(|k, _| !k.starts_with(&prefix));
        let n = form
            .get(&count_key(l.path))
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
            .min(MAX_ENTRIES);
        d.insert(count_key(l.path), n.to_string());
    }
    for (k, v) in form {
        if let Some(fd) = field_def(step, k) {
            let v: String = v.chars().take(200).collect();
            let mut v = v.trim().to_string();
            // "12,000" means twelve thousand in English and twelve in French: settled here,
            // where the language is known, so the draft reads the same in both.
            if fd.kind == Kind::Number && lang == Lang::En && is_english_thousands(&v) {
                v.retain(|c| c != ',');
            }
            if !v.is_empty() {
                d.insert(k.clone(), v);
            }
        }
    }
}

/// Add an empty entry to a list.
pub fn add_entry(d: &mut Draft, list: &str) -> usize {
    let n = count(d, list);
    let new = (n + 1).min(MAX_ENTRIES);
    d.insert(count_key(list), new.to_string());
    n.min(MAX_ENTRIES - 1)
}

/// Remove entry `i` of a list, shifting the ones after it.
pub fn remove_entry(d: &mut Draft, list: &str, i: usize) {
    let n = count(d, list);
    if i >= n {
        return;
    }
    let prefix = format!("{list}[");
    let old: Vec<(String, String)> = d
        .iter()
        .filter(|(k, _)| k.starts_with(&prefix))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    d.retain(|k, _| !k.starts_with(&prefix));
    for (k, v) in old {
        let rest = &k[prefix.len()..];
        if let Some((idx, field)) = rest.split_once("].")
            && let Ok(idx) = idx.parse::<usize>()
        {
            if idx == i {
                continue;
            }
            let j = if idx > i { idx - 1 } else { idx };
            d.insert(entry_key(list, j, field), v);
        }
    }
    d.insert(count_key(list), (n - 1).to_string());
}

/// A number as people type it in either language: spaces (also no-break and narrow no-break,
/// as French writes them) group digits ("12 000"); a comma is the decimal mark ("7,5") unless
/// a point is there too ("12,000.50"). English "12,000" is settled in [`merge_step`].
pub fn number(v: &str) -> Option<f64> {
    let t: String = v
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let t = if t.contains('.') {
        t.replace(',', "")
    } else {
        t.replace(',', ".")
    };
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// `12,000` or `1,250,000`: digits grouped by commas, English style.
fn is_english_thousands(v: &str) -> bool {
    let mut groups = v.split(',');
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = groups.collect();
    first_ok
        && !rest.is_empty()
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::wizard::tests::form;
    use crate::wizard::to_profile;

    #[test]
    fn merge_keeps_only_known_fields_of_the_step() {
        let mut d = Draft::new();
        merge_step(
            Lang::En,
            &mut d,
            "work",
            &form(&[
                ("_n.work_history", "2"),
                ("work_history[0].noc", "21232"),
                ("work_history[1].start", "2024-01-01"),
                ("work_history[0].evil", "x"),
                ("date_of_birth", "1990-01-01"),
            ]),
        );
        assert_eq!(d.get("work_history[0].noc").unwrap(), "21232");
        assert!(!d.contains_key("work_history[0].evil"));
        assert!(!d.contains_key("date_of_birth"));
        assert_eq!(count(&d, "work_history"), 2);
    }
    /// Issue 12: French number input ("12 000", "7,5") and English grouping ("12,000").
    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(number("7,5"), Some(7.5));
        assert_eq!(number("12 000"), Some(12000.0));
        assert_eq!(number("12\u{202f}000,50"), Some(12000.5));
        assert_eq!(number("12,000.50"), Some(12000.5));
        assert_eq!(number("abc"), None);
        assert_eq!(number("inf"), None);
        let mut en = Draft::new();
        let funds = form(&[("settlement_funds_cad", "12,000")]);
        merge_step(Lang::En, &mut en, "plans", &funds);
        assert_eq!(to_profile(&en)["settlement_funds_cad"], 12000);
        let mut fr = Draft::new();
        merge_step(
            Lang::Fr,
            &mut fr,
            "plans",
            &form(&[("settlement_funds_cad", "12 000")]),
        );
        assert_eq!(to_profile(&fr)["settlement_funds_cad"], 12000);
    }
    #[test]
    fn remove_shifts_entries() {
        let mut d = Draft::new();
        d.insert(count_key("work_history"), "3".into());
        for i in 0..3 {
            d.insert(entry_key("work_history", i, "noc"), format!("1111{i}"));
        }
        remove_entry(&mut d, "work_history", 1);
        assert_eq!(count(&d, "work_history"), 2);
        assert_eq!(d.get("work_history[0].noc").unwrap(), "11110");
        assert_eq!(d.get("work_history[1].noc").unwrap(), "11112");
    }
}
