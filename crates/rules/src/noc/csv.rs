//! A tiny RFC 4180 CSV reader for the embedded NOC files: comma-separated,
//! fields optionally in double quotes with `""` for a quote, LF or CRLF line
//! ends, an optional UTF-8 byte-order mark. Fields borrow from the input
//! unless they contain an escaped quote.

use std::borrow::Cow;

/// One record and the 1-based line it starts on.
#[derive(Debug)]
pub(crate) struct Record<'a> {
    pub line: usize,
    pub fields: Vec<Cow<'a, str>>,
}

/// Parses `text` into records. Blank lines are skipped. An unterminated
/// quoted field or text after a closing quote is an error naming the line.
pub(crate) fn parse(text: &str) -> Result<Vec<Record<'_>>, String> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let bytes = text.as_bytes();
    let mut records = Vec::new();
    let mut fields: Vec<Cow<'_, str>> = Vec::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut i = 0;
    loop {
        // At the start of a field.
        let field: Cow<'_, str>;
        if bytes.get(i) == Some(&b'"') {
            let start = i + 1;
            let mut j = start;
            let mut escaped = false;
            loop {
                match bytes.get(j) {
                    None => return Err(format!("line {record_line}: unterminated quoted field")),
                    Some(b'"') if bytes.get(j + 1) == Some(&b'"') => {
                        escaped = true;
                        j += 2;
                    }
                    Some(b'"') => break,
                    Some(b'\n') => {
                        line += 1;
                        j += 1;
                    }
                    Some(_) => j += 1,
                }
            }
            let inner = &text[start..j];
            field = if escaped {
                Cow::Owned(inner.replace("\"\"", "\""))
            } else {
                Cow::Borrowed(inner)
            };
            i = j + 1;
            match bytes.get(i) {
                None | Some(b',' | b'\n') => {}
                Some(b'\r') if matches!(bytes.get(i + 1), None | Some(b'\n')) => i += 1,
                Some(_) => {
                    return Err(format!("line {line}: text after a closing quote"));
                }
            }
        } else {
            let start = i;
            while !matches!(bytes.get(i), None | Some(b',' | b'\n')) {
                i += 1;
            }
            let end =
                if i > start && bytes.get(i - 1) == Some(&b'\r') && bytes.get(i) != Some(&b',') {
                    i - 1
                } else {
                    i
                };
            field = Cow::Borrowed(&text[start..end]);
        }
        fields.push(field);
        match bytes.get(i) {
            Some(b',') => i += 1,
            Some(_) => {
                // A line end.
                i += 1;
                line += 1;
                push_record(&mut records, &mut fields, record_line);
                record_line = line;
                if i >= bytes.len() {
                    break;
                }
            }
            None => {
                push_record(&mut records, &mut fields, record_line);
                break;
            }
        }
    }
    Ok(records)
}

fn push_record<'a>(records: &mut Vec<Record<'a>>, fields: &mut Vec<Cow<'a, str>>, line: usize) {
    let fields = std::mem::take(fields);
    let blank = fields.len() == 1 && fields[0].is_empty();
    if !blank {
        records.push(Record { line, fields });
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn rows(text: &str) -> Vec<(usize, Vec<String>)> {
        parse(text)
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.fields.into_iter().map(Cow::into_owned).collect()))
            .collect()
    }

    #[test]
    fn reads_plain_quoted_and_escaped_fields() {
        let got = rows("\u{FEFF}a,b,c\r\n00010,\"x, y\",\"say \"\"hi\"\"\"\r\n,,\r\n");
        assert_eq!(
            got,
            vec![
                (1, vec!["a".into(), "b".into(), "c".into()]),
                (2, vec!["00010".into(), "x, y".into(), "say \"hi\"".into()]),
                (3, vec![String::new(), String::new(), String::new()]),
            ]
        );
    }

    #[test]
    fn handles_lf_missing_final_newline_blank_lines_and_multiline_fields() {
        let got = rows("a,b\n\n\"1\n2\",3\n4,5");
        assert_eq!(
            got,
            vec![
                (1, vec!["a".into(), "b".into()]),
                (3, vec!["1\n2".into(), "3".into()]),
                (5, vec!["4".into(), "5".into()]),
            ]
        );
    }

    #[test]
    fn reports_malformed_quotes() {
        assert!(parse("a,\"b\n").unwrap_err().contains("line 1"));
        assert!(parse("a\n\"b\"c,d\n").unwrap_err().contains("line 2"));
        assert!(parse("").unwrap().is_empty());
    }
}
