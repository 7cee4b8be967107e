//! Static assets embedded in the binary, served under `/static/` with a content hash in
//! the URL for cache-busting.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};

pub const STYLE: &str = include_str!("../static/style.css");
pub const APP_JS: &str = include_str!("../static/app.js");
pub const HTMX: &str = include_str!("../static/vendor/htmx-2.0.11.min.js");
pub const HTMX_LICENSE: &str = include_str!("../static/vendor/htmx-LICENSE.txt");
pub const FAVICON: &str = include_str!("../static/favicon.svg");

pub const HTMX_HREF: &str = "/static/vendor/htmx-2.0.11.min.js";

fn short_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub static STYLE_HREF: LazyLock<String> =
    LazyLock::new(|| format!("/static/style.{}.css", short_hash(STYLE)));
pub static APP_JS_HREF: LazyLock<String> =
    LazyLock::new(|| format!("/static/app.{}.js", short_hash(APP_JS)));

fn asset(content_type: &'static str, body: &'static str, immutable: bool) -> Response {
    let cache = if immutable {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=3600"
    };
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, cache),
        ],
        body,
    )
        .into_response()
}

/// `GET /static/{*path}`.
pub async fn serve(Path(path): Path<String>) -> Response {
    match path.as_str() {
        p if p == STYLE_HREF.trim_start_matches("/static/") => {
            asset("text/css; charset=utf-8", STYLE, true)
        }
        p if p == APP_JS_HREF.trim_start_matches("/static/") => {
            asset("text/javascript; charset=utf-8", APP_JS, true)
        }
        "style.css" => asset("text/css; charset=utf-8", STYLE, false),
        "app.js" => asset("text/javascript; charset=utf-8", APP_JS, false),
        "vendor/htmx-2.0.11.min.js" => asset("text/javascript; charset=utf-8", HTMX, true),
        "vendor/htmx-LICENSE.txt" => asset("text/plain; charset=utf-8", HTMX_LICENSE, false),
        "favicon.svg" => asset("image/svg+xml", FAVICON, false),
        _ => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}
