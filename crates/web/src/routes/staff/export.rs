//! `GET /staff/export.csv`: the questions of the current filter as CSV (UTF-8 with a BOM,
//! formulas neutralised), with CRS score, notes and replies as columns.

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::Staff;
use super::inbox::InboxParams;
use crate::routes::internal_error;
use crate::state::AppState;

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
/// Characters a spreadsheet may split a cell on (`;` where the decimal mark is a comma, as in
/// French), or start a new line at: a formula character right after one is neutralised too.
const SEPARATOR_LIKE: [char; 6] = [',', ';', '|', '\t', '\n', '\r'];

/// One CSV cell: neutralise formulas (a leading apostrophe before a formula character at the
/// start, or after a separator-like character and any spaces), then quote when needed
/// (RFC 4180).
pub fn csv_cell(value: &str) -> String {
    let mut v = String::with_capacity(value.len() + 2);
    // At the start of the cell, or of a piece a spreadsheet could split off.
    let mut at_start = true;
    for c in value.chars() {
        if at_start && FORMULA_START.contains(&c) {
            v.push('\'');
            at_start = false;
        } else if at_start && c != ' ' {
            at_start = false;
        }
        v.push(c);
        if SEPARATOR_LIKE.contains(&c) {
            at_start = true;
        }
    }
    if v.contains([',', '"', '\n', '\r', ';']) || v.starts_with(' ') || v.ends_with(' ') {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// The UTF-8 byte-order mark: spreadsheets then read accents right (`é`, not `Ã©`).
pub const BOM: &str = "\u{feff}";

fn utc(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// `GET /staff/export.csv?…`: every question matching the current filter, UTF-8 with a
/// byte-order mark, with its CRS score (from the attached assessment), notes and replies.
pub async fn export_csv(
    State(state): State<AppState>,
    staff: Staff,
    Query(params): Query<InboxParams>,
) -> Response {
    let filter = params.filter();
    let rows = match state.store().export_questions(&filter).await {
        Ok(r) => r,
        Err(e) => return internal_error(staff.lang, "export questions", &e),
    };
    let ids: Vec<i64> = rows.iter().map(|q| q.id).collect();
    let (notes, replies) = match state.store().notes_and_replies(&ids).await {
        Ok(x) => x,
        Err(e) => return internal_error(staff.lang, "export notes and replies", &e),
    };
    let mut out = String::from(BOM);
    out.push_str(
        "reference,received_utc,status,name,email,topic,preferred_language,message,last_activity_utc,assessment_attached,crs_score,notes,replies\r\n",
    );
    for q in &rows {
        let crs = q
            .assessment_json
            .as_deref()
            .and_then(|json| crate::views::results_view(staff.lang, json, state.today()).ok())
            .and_then(|v| v.crs.map(|c| c.total_n.to_string()))
            .unwrap_or_default();
        let notes = notes
            .get(&q.id)
            .map(|ns| {
                ns.iter()
                    .map(|n| format!("[{} {}] {}", utc(n.created_at), n.author_email, n.body))
                    .collect::<Vec<_>>()
                    .join("\n\n")
            })
            .unwrap_or_default();
        let replies = replies
            .get(&q.id)
            .map(|rs| {
                rs.iter()
                    .map(|r| {
                        format!(
                            "[{} {} {}] {}",
                            utc(r.created_at),
                            r.author_email,
                            r.delivery.as_str(),
                            r.body
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n")
            })
            .unwrap_or_default();
        let cells = [
            q.reference.clone(),
            utc(q.created_at),
            q.status.as_str().to_string(),
            q.name.clone(),
            q.email.clone(),
            q.topic.clone(),
            q.preferred_language.clone(),
            q.message.clone(),
            utc(q.updated_at),
            if q.assessment_json.is_some() {
                "yes"
            } else {
                "no"
            }
            .to_string(),
            crs,
            notes,
            replies,
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    tracing::info!(staff_id = staff.user.id, rows = rows.len(), "csv export");
    let today = jiff::Timestamp::now().strftime("%Y-%m-%d").to_string();
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"questions-{today}.csv\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        out,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_neutralised_and_quoted() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-2"), "'-2");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        // After a separator-like character (and spaces), and accents untouched.
        assert_eq!(csv_cell("a;=1+1"), "\"a;'=1+1\"");
        assert_eq!(csv_cell("ligne\n  @cmd"), "\"ligne\n  '@cmd\"");
        assert_eq!(csv_cell("x, -3"), "\"x, '-3\"");
        assert_eq!(csv_cell("Zoé à Montréal"), "Zoé à Montréal");
        assert_eq!(csv_cell("\tcmd"), "'\tcmd");
    }
}
