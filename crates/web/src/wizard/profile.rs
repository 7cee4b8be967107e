//! The draft to the profile (contract names, typed values, blank entries left out) and
//! back, and a profile error's path back to the draft's input.

use serde_json::{Map, Value, json};

use super::fields::{
    ABOUT, ALL_LISTS, FAMILY_FIELDS, FieldDef, GROUPS, Kind, LIST_EDUCATION, LIST_JOBS,
    LIST_PERMITS, LIST_SPOUSE_EDUCATION, LIST_SPOUSE_JOBS, LIST_SPOUSE_TESTS, LIST_STUDY,
    LIST_TESTS, ListDef, PLANS, SPOUSE_FIELDS, is_wizard_only,
};
use super::input::number;
use super::{
    Draft, MAX_ENTRIES, count, count_key, entry_is_blank, entry_key, group_is_blank, has_partner,
};

fn typed(fd: &FieldDef, v: &str) -> Value {
    match fd.kind {
        Kind::Number => number(v)
            .and_then(|x| {
                if x.fract() == 0.0 && x.abs() < 1e15 {
                    Some(json!(x as i64))
                } else {
                    serde_json::Number::from_f64(x).map(Value::Number)
                }
            })
            .unwrap_or_else(|| json!(v)),
        Kind::YesNo => json!(v == "yes"),
        Kind::Country => json!(v.to_ascii_uppercase()),
        _ => json!(v),
    }
}

fn entries(d: &Draft, l: &ListDef) -> Vec<Value> {
    let mut out = Vec::new();
    for i in 0..count(d, l.path) {
        if entry_is_blank(d, l, i) {
            continue;
        }
        let mut obj = Map::new();
        for fd in l.fields.iter().filter(|fd| !is_wizard_only(fd.key)) {
            if let Some(v) = d
                .get(&entry_key(l.path, i, fd.key))
                .filter(|v| !v.is_empty())
            {
                obj.insert(fd.key.to_string(), typed(fd, v));
            }
        }
        out.push(Value::Object(obj));
    }
    out
}

/// Build the profile JSON (contract names) from the draft. Blank entries are skipped, so
/// list indexes in the profile can differ from the draft's; [`profile_index_map`] maps back.
pub fn to_profile(d: &Draft) -> Value {
    let mut p = Map::new();
    for fd in ABOUT.iter().chain(PLANS.iter()).chain(FAMILY_FIELDS.iter()) {
        if let Some(v) = d.get(fd.key).filter(|v| !v.is_empty()) {
            p.insert(fd.key.to_string(), typed(fd, v));
        }
    }
    for l in [
        LIST_TESTS,
        LIST_EDUCATION,
        LIST_PERMITS,
        LIST_JOBS,
        LIST_STUDY,
    ] {
        let mut list = entries(d, &l);
        if l.path == LIST_STUDY.path {
            // The Canadian credentials' periods first (draft_path counts on this order).
            let mut counted: Vec<Value> = credential_study(d).into_iter().map(|(_, v)| v).collect();
            counted.append(&mut list);
            list = counted;
        }
        if !list.is_empty() {
            p.insert(l.path.to_string(), Value::Array(list));
        }
    }
    for (group, fields) in GROUPS {
        if group_is_blank(d, fields) {
            continue;
        }
        let mut obj = Map::new();
        for fd in fields {
            let Some(key) = fd.key.strip_prefix(group).and_then(|k| k.strip_prefix('.')) else {
                continue;
            };
            if key == "title" {
                continue;
            }
            if let Some(v) = d.get(fd.key).filter(|v| !v.is_empty()) {
                obj.insert(key.to_string(), typed(fd, v));
            }
        }
        p.insert(group.to_string(), Value::Object(obj));
    }
    if has_partner(d) {
        let mut s = Map::new();
        for fd in SPOUSE_FIELDS {
            if let Some(v) = d.get(fd.key).filter(|v| !v.is_empty()) {
                let key = fd.key.trim_start_matches("spouse.");
                s.insert(key.to_string(), typed(&fd, v));
            }
        }
        for l in [LIST_SPOUSE_EDUCATION, LIST_SPOUSE_TESTS, LIST_SPOUSE_JOBS] {
            let list = entries(d, &l);
            if !list.is_empty() {
                let key = l.path.trim_start_matches("spouse.");
                s.insert(key.to_string(), Value::Array(list));
            }
        }
        p.insert("spouse".to_string(), Value::Object(s));
    }
    Value::Object(p)
}

/// The periods of study the applicant's Canadian credentials stand for, in the order of the
/// draft: (the credential's draft index, the `study_periods` entry). A credential without
/// both dates gives none (its step asks for them).
pub fn credential_study(d: &Draft) -> Vec<(usize, Value)> {
    (0..count(d, LIST_EDUCATION.path))
        .filter(|&i| !entry_is_blank(d, &LIST_EDUCATION, i))
        .filter_map(|i| {
            let get = |k: &str| {
                d.get(&entry_key(LIST_EDUCATION.path, i, k))
                    .filter(|v| !v.is_empty())
            };
            if get("in_canada").map(String::as_str) != Some("yes") {
                return None;
            }
            let (start, end) = (get("studied_from")?, get("completed_on")?);
            // Unanswered counts as full time, the contract's default (and the careful one:
            // work during full-time study is left out of CEC's hours).
            let full_time = get("studied_full_time").is_none_or(|v| v != "no");
            Some((
                i,
                json!({ "start": start, "end": end, "full_time": full_time, "in_canada": true }),
            ))
        })
        .collect()
}

/// Map a profile error path back to the draft's input name (blank entries were skipped).
pub fn draft_path(d: &Draft, profile_path: &str) -> String {
    // The first study periods come from the Canadian credentials (see to_profile).
    if let Some(rest) = profile_path.strip_prefix("study_periods[")
        && let Some((idx, tail)) = rest.split_once(']')
        && let Ok(k) = idx.parse::<usize>()
    {
        let counted = credential_study(d);
        if let Some((i, _)) = counted.get(k) {
            let field = if tail == ".end" {
                "completed_on"
            } else {
                "studied_from"
            };
            return entry_key(LIST_EDUCATION.path, *i, field);
        }
        let own = format!("study_periods[{}]{tail}", k - counted.len());
        return draft_path_in_lists(d, &own);
    }
    draft_path_in_lists(d, profile_path)
}

fn draft_path_in_lists(d: &Draft, profile_path: &str) -> String {
    for l in ALL_LISTS {
        if let Some(rest) = profile_path
            .strip_prefix(l.path)
            .and_then(|r| r.strip_prefix('['))
            && let Some((idx, tail)) = rest.split_once(']')
            && let Ok(k) = idx.parse::<usize>()
        {
            let mut seen = 0;
            for i in 0..count(d, l.path) {
                if entry_is_blank(d, &l, i) {
                    continue;
                }
                if seen == k {
                    return format!("{}[{i}]{tail}", l.path);
                }
                seen += 1;
            }
        }
    }
    profile_path.to_string()
}

/// The profile without the study periods that belong to a Canadian credential (the in-Canada
/// period ending on its completion day), and for each such credential index its start and
/// whether it was full time.
fn attach_study_to_credentials(p: &Value) -> (Value, Vec<(usize, String, bool)>) {
    let mut p = p.clone();
    let credentials: Vec<(usize, String)> = p
        .get("education")
        .and_then(Value::as_array)
        .map(|c| {
            c.iter()
                .take(MAX_ENTRIES)
                .enumerate()
                .filter(|(_, c)| c.get("in_canada").and_then(Value::as_bool) == Some(true))
                .filter_map(|(i, c)| Some((i, c.get("completed_on")?.as_str()?.to_string())))
                .collect()
        })
        .unwrap_or_default();
    let mut counted = Vec::new();
    if let Some(periods) = p.get_mut("study_periods").and_then(Value::as_array_mut) {
        for (i, completed) in credentials {
            let found = periods.iter().position(|s| {
                s.get("end").and_then(Value::as_str) == Some(completed.as_str())
                    && s.get("in_canada").and_then(Value::as_bool) != Some(false)
            });
            if let Some(k) = found
                && let Some(start) = periods[k].get("start").and_then(Value::as_str)
            {
                let full_time = periods[k].get("full_time").and_then(Value::as_bool) != Some(false);
                counted.push((i, start.to_string(), full_time));
                periods.remove(k);
            }
        }
    }
    (p, counted)
}

/// The draft that edits an existing profile (for "change your answers").
pub fn from_profile(p: &Value) -> Draft {
    let mut d = Draft::new();
    let text = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(if *b { "yes" } else { "no" }.to_string()),
            _ => None,
        }
    };
    for fd in ABOUT.iter().chain(PLANS.iter()).chain(FAMILY_FIELDS.iter()) {
        if let Some(v) = p.get(fd.key).and_then(text) {
            d.insert(fd.key.to_string(), v);
        }
    }
    for (group, fields) in GROUPS {
        if let Some(obj) = p.get(group).filter(|o| o.is_object()) {
            for fd in fields {
                if let Some(v) = fd
                    .key
                    .strip_prefix(group)
                    .and_then(|k| k.strip_prefix('.'))
                    .and_then(|k| obj.get(k))
                    .and_then(text)
                {
                    d.insert(fd.key.to_string(), v);
                }
            }
        }
    }
    let lists = |d: &mut Draft, obj: &Value, l: &ListDef, key: &str| {
        if let Some(items) = obj.get(key).and_then(Value::as_array) {
            let n = items.len().min(MAX_ENTRIES);
            d.insert(count_key(l.path), n.to_string());
            for (i, item) in items.iter().take(n).enumerate() {
                for fd in l.fields {
                    if let Some(v) = item.get(fd.key).and_then(text) {
                        d.insert(entry_key(l.path, i, fd.key), v);
                    }
                }
            }
        }
    };
    // A study period that ends on the day a Canadian credential was completed is that
    // credential's program: it goes back beside the credential (see OWN_CREDENTIAL_FIELDS).
    let (p, counted) = attach_study_to_credentials(p);
    for l in [
        LIST_TESTS,
        LIST_EDUCATION,
        LIST_PERMITS,
        LIST_JOBS,
        LIST_STUDY,
    ] {
        lists(&mut d, &p, &l, l.path);
    }
    for (i, start, full_time) in counted {
        d.insert(entry_key(LIST_EDUCATION.path, i, "studied_from"), start);
        d.insert(
            entry_key(LIST_EDUCATION.path, i, "studied_full_time"),
            if full_time { "yes" } else { "no" }.to_string(),
        );
    }
    if let Some(s) = p.get("spouse").filter(|s| s.is_object()) {
        for l in [LIST_SPOUSE_EDUCATION, LIST_SPOUSE_TESTS, LIST_SPOUSE_JOBS] {
            lists(&mut d, s, &l, l.path.trim_start_matches("spouse."));
        }
        for fd in SPOUSE_FIELDS {
            if let Some(v) = s.get(fd.key.trim_start_matches("spouse.")).and_then(text) {
                d.insert(fd.key.to_string(), v);
            }
        }
    }
    d
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::i18n::Lang;
    use crate::wizard::tests::form;
    use crate::wizard::{decode, encode, merge_step, step_of, step_parts};

    /// Issue 12: a program completed in Canada is asked once, on the Education step, and is
    /// the profile's study period; editing the profile puts it back beside its credential.
    #[test]
    fn a_canadian_credential_is_its_period_of_study() {
        let mut d = Draft::new();
        merge_step(
            Lang::En,
            &mut d,
            "education",
            &form(&[
                ("_n.education", "2"),
                ("education[0].level", "bachelors"),
                ("education[0].in_canada", "yes"),
                ("education[0].studied_from", "2019-09-03"),
                ("education[0].completed_on", "2023-04-28"),
                ("education[0].studied_full_time", "yes"),
                ("education[1].level", "masters"),
                ("education[1].in_canada", "no"),
                ("education[1].studied_from", "2010-01-01"),
                ("education[1].completed_on", "2012-01-01"),
            ]),
        );
        merge_step(
            Lang::En,
            &mut d,
            "study",
            &form(&[
                ("_n.study_periods", "1"),
                ("study_periods[0].start", "2024-01-08"),
                ("study_periods[0].end", "2024-04-30"),
                ("study_periods[0].full_time", "no"),
                ("study_periods[0].in_canada", "yes"),
            ]),
        );
        let p = to_profile(&d);
        // The wizard's own names are never credential keys.
        assert!(p["education"][0].get("studied_from").is_none());
        assert_eq!(
            p["study_periods"],
            json!([
                { "start": "2019-09-03", "end": "2023-04-28", "full_time": true, "in_canada": true },
                { "start": "2024-01-08", "end": "2024-04-30", "full_time": false, "in_canada": true },
            ])
        );
        // An engine error on either period lands on the field that holds it.
        assert_eq!(
            draft_path(&d, "study_periods[0].start"),
            "education[0].studied_from"
        );
        assert_eq!(
            draft_path(&d, "study_periods[0].end"),
            "education[0].completed_on"
        );
        assert_eq!(
            draft_path(&d, "study_periods[1].end"),
            "study_periods[0].end"
        );
        // Back to a draft: the period sits beside its credential, the other stays a period.
        let back = from_profile(&p);
        assert_eq!(back.get("education[0].studied_from").unwrap(), "2019-09-03");
        assert_eq!(back.get("education[0].studied_full_time").unwrap(), "yes");
        assert_eq!(count(&back, "study_periods"), 1);
        assert_eq!(back.get("study_periods[0].start").unwrap(), "2024-01-08");
        assert_eq!(to_profile(&back), p);
    }
    #[test]
    fn profile_round_trip_and_blank_entries() {
        let mut d = Draft::new();
        d.insert("date_of_birth".into(), "1995-05-05".into());
        d.insert("marital_status".into(), "married".into());
        d.insert(count_key("work_history"), "2".into());
        d.insert(entry_key("work_history", 1, "noc"), "21232".into());
        d.insert(
            entry_key("work_history", 1, "hours_per_week"),
            "37.5".into(),
        );
        d.insert(entry_key("work_history", 1, "authorized"), "yes".into());
        d.insert("spouse.accompanying".into(), "no".into());
        let p = to_profile(&d);
        assert_eq!(p["work_history"][0]["noc"], "21232");
        assert_eq!(p["work_history"][0]["hours_per_week"], 37.5);
        assert_eq!(p["work_history"][0]["authorized"], true);
        assert_eq!(p["spouse"]["accompanying"], false);
        assert_eq!(
            draft_path(&d, "work_history[0].hours_per_week"),
            "work_history[1].hours_per_week"
        );
        let back = from_profile(&p);
        assert_eq!(back.get("work_history[0].noc").unwrap(), "21232");
        assert_eq!(back.get("spouse.accompanying").unwrap(), "no");
        assert!(!encode(&back).is_empty());
        assert_eq!(decode(&encode(&back)), back);
    }
    /// Issue 9 item 8: the family step asks `relative_in_canada` (FSW adaptability), and
    /// a physician's job asks `publicly_funded` (issue 9 item 5); both reach the profile.
    #[test]
    fn relative_and_publicly_funded_reach_the_profile() {
        let (fields, _) = step_parts("family");
        assert!(fields.iter().any(|f| f.key == "relative_in_canada"));
        let mut d = Draft::new();
        merge_step(
            Lang::En,
            &mut d,
            "family",
            &form(&[("relative_in_canada", "no"), ("sibling_in_canada", "no")]),
        );
        merge_step(
            Lang::En,
            &mut d,
            "work",
            &form(&[
                ("_n.work_history", "1"),
                ("work_history[0].noc", "31102"),
                ("work_history[0].publicly_funded", "yes"),
            ]),
        );
        let p = to_profile(&d);
        assert_eq!(p["relative_in_canada"], false);
        assert_eq!(p["work_history"][0]["publicly_funded"], true);
        let back = from_profile(&p);
        assert_eq!(back.get("relative_in_canada").unwrap(), "no");
        assert_eq!(back.get("work_history[0].publicly_funded").unwrap(), "yes");
        assert_eq!(step_of("relative_in_canada"), "family");
    }
    #[test]
    fn offer_certificate_and_spouse_jobs_map_to_the_contract() {
        let mut d = Draft::new();
        d.insert("marital_status".into(), "married".into());
        d.insert("job_offer.title".into(), "Carpenter".into());
        d.insert("job_offer.noc".into(), "72310".into());
        d.insert("job_offer.full_time".into(), "no".into());
        d.insert("family_size".into(), "3".into());
        d.insert(count_key("spouse.work_history"), "2".into());
        d.insert(entry_key("spouse.work_history", 1, "noc"), "21231".into());
        let p = to_profile(&d);
        assert_eq!(p["job_offer"], json!({"noc": "72310", "full_time": false}));
        assert!(
            p.get("certificate_of_qualification").is_none(),
            "blank group left out"
        );
        assert_eq!(p["family_size"], 3);
        assert_eq!(p["spouse"]["work_history"][0]["noc"], "21231");
        assert_eq!(
            draft_path(&d, "spouse.work_history[0].noc"),
            "spouse.work_history[1].noc"
        );
        let back = from_profile(&p);
        assert_eq!(back.get("job_offer.noc").unwrap(), "72310");
        assert_eq!(back.get("job_offer.full_time").unwrap(), "no");
        assert_eq!(back.get("spouse.work_history[0].noc").unwrap(), "21231");
        assert_eq!(back.get("family_size").unwrap(), "3");
    }
}
