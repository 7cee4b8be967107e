//! The OpenAPI 3.1 document, generated at start-up by utoipa from the handlers'
//! `#[utoipa::path]` annotations and the web crate's `ToSchema` types (problems, questions,
//! staff views, NOC unit groups, health).
//!
//! Two kinds of bodies belong to other crates and are referenced by name:
//! - the request bodies are the public contracts themselves (`docs/contracts/*.schema.json`,
//!   the same text [`super::body`] validates every request with), their `$defs` published as
//!   `Crs…` / `Profile…` components: the document and the code cannot disagree on them;
//! - the engine's results (`CrsResult`, `Assessment`, `Timeline`, `WhatIf`, totals, draws,
//!   NOC hits) are `landed_rules` types, which do not derive `ToSchema`; their schemas are
//!   written in `rules_schemas.json` beside this file, and the tests check every real
//!   response against them with the `jsonschema` crate.
//!
//! The tests keep a snapshot of the whole document, so any change shows in review.

use std::borrow::Cow;
use std::sync::LazyLock;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as Doc, Ref, RefOr, Schema};
use utoipa::{Modify, OpenApi};

use super::body::{CRS_ANSWERS_SCHEMA, PROFILE_SCHEMA};

/// The response schemas of the engine's results (see the module comment).
pub const RULES_SCHEMAS: &str = include_str!("rules_schemas.json");

/// A body described by a schema of the document's components that is not derived here.
macro_rules! named_schema {
    ($(#[$doc:meta])* $ty:ident, $name:literal) => {
        $(#[$doc])*
        pub struct $ty;
        impl utoipa::PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                RefOr::Ref(Ref::from_schema_name($name))
            }
        }
        impl utoipa::ToSchema for $ty {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed($name)
            }
        }
    };
}

named_schema!(
    /// `docs/contracts/crs-answers.schema.json`.
    CrsAnswers,
    "CrsAnswers"
);
named_schema!(
    /// `docs/contracts/profile.schema.json`.
    Profile,
    "Profile"
);
named_schema!(CrsResponse, "CrsResponse");
named_schema!(AssessResponse, "AssessResponse");
named_schema!(Timeline, "Timeline");
named_schema!(WhatIf, "WhatIf");
named_schema!(Draws, "Draws");
named_schema!(NocSearchResult, "NocSearchResult");

/// `?lang=`: the language of the sentences of a result and of the errors.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum LangCode {
    En,
    Fr,
}

/// `?detail=`: the whole result, or its numbers only.
#[derive(utoipa::ToSchema)]
#[schema(rename_all = "lowercase")]
#[allow(dead_code)]
pub enum Detail {
    Full,
    Totals,
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "landed API",
        description = "Canadian Express Entry and Canadian Experience Class eligibility and CRS, \
            computed from a person's dated records. Errors are RFC 9457 problems \
            (application/problem+json) with the field path of each invalid field. \
            Not legal advice: IRCC decides.",
        license(name = "MIT")
    ),
    components(schemas(
        crate::error::Problem,
        crate::error::FieldProblem,
        LangCode,
        Detail,
        super::noc::SearchIn,
        super::staff::QuestionStatusName
    )),
    modifiers(&BearerAuth),
    tags(
        (name = "engine", description = "Eligibility, CRS, timeline, what-if, rounds"),
        (name = "noc", description = "The NOC 2021 catalogue"),
        (name = "questions", description = "The question form"),
        (name = "service", description = "Health and readiness"),
        (name = "staff", description = "The staff inbox (bearer token from `landed admin token create`)")
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut Doc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "staff_token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A staff token from `landed admin token create --email E`",
                    ))
                    .build(),
            ),
        );
    }
}

/// The document before the routes are added.
pub fn base() -> Doc {
    ApiDoc::openapi()
}

/// Move a contract's `$defs` into `components/schemas` as `<prefix><CamelName>` and point
/// its `$ref`s there; returns the main schema.
fn contract_components(text: &str, title: &str, prefix: &str, out: &mut Map<String, Value>) {
    let Ok(Value::Object(mut schema)) = serde_json::from_str::<Value>(text) else {
        tracing::error!(title, "a contract schema is not a JSON object");
        return;
    };
    let defs = schema.remove("$defs");
    schema.remove("$schema");
    schema.remove("$id");
    schema.insert("title".into(), Value::from(title));
    let mut main = Value::Object(schema);
    rewrite_refs(&mut main, prefix);
    out.insert(title.to_string(), main);
    if let Some(Value::Object(defs)) = defs {
        for (name, mut def) in defs {
            rewrite_refs(&mut def, prefix);
            out.insert(component_name(prefix, &name), def);
        }
    }
}

/// `language_test` → `<prefix>LanguageTest`.
pub fn component_name(prefix: &str, def: &str) -> String {
    let mut s = prefix.to_string();
    for word in def.split('_') {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            s.extend(first.to_uppercase());
            s.push_str(chars.as_str());
        }
    }
    s
}

fn rewrite_refs(v: &mut Value, prefix: &str) {
    match v {
        Value::Object(map) => {
            for (k, x) in map.iter_mut() {
                if k == "$ref"
                    && let Value::String(r) = x
                    && let Some(def) = r.strip_prefix("#/$defs/")
                {
                    *r = format!("#/components/schemas/{}", component_name(prefix, def));
                } else {
                    rewrite_refs(x, prefix);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|x| rewrite_refs(x, prefix)),
        _ => {}
    }
}

/// The refusals every operation can meet before its handler runs (the framework's: a query
/// that does not parse, a request target over [`super::URI_MAX`]; with a body, one too large
/// or not declared JSON), added where an operation does not list them itself.
fn add_framework_responses(doc: &mut Value) {
    let Some(Value::Object(paths)) = doc.get_mut("paths") else {
        return;
    };
    for item in paths.values_mut() {
        let Value::Object(ops) = item else { continue };
        for op in ops.values_mut() {
            let has_body = op.get("requestBody").is_some();
            let Some(Value::Object(responses)) = op.get_mut("responses") else {
                continue;
            };
            let mut common = vec![
                (
                    "400",
                    "The request does not parse (query, JSON syntax, UTF-8)",
                ),
                ("414", "The request target is too long"),
            ];
            if has_body {
                common.push(("413", "The body is too large"));
                common.push(("415", "The body is not declared JSON"));
            }
            for (status, description) in common {
                responses.entry(status).or_insert_with(|| {
                    serde_json::json!({
                        "description": description,
                        "content": {"application/problem+json": {
                            "schema": {"$ref": "#/components/schemas/Problem"}
                        }}
                    })
                });
            }
        }
    }
}

/// The whole document as JSON.
pub fn document() -> Value {
    let (_, doc) = super::openapi_router().split_for_parts();
    let mut value = serde_json::to_value(&doc).unwrap_or(Value::Null);
    add_framework_responses(&mut value);
    let mut extra = Map::new();
    contract_components(CRS_ANSWERS_SCHEMA, "CrsAnswers", "Crs", &mut extra);
    contract_components(PROFILE_SCHEMA, "Profile", "Profile", &mut extra);
    match serde_json::from_str::<Value>(RULES_SCHEMAS) {
        Ok(Value::Object(rules)) => extra.extend(rules),
        _ => tracing::error!("rules_schemas.json is not a JSON object"),
    }
    if let Some(Value::Object(schemas)) = value.pointer_mut("/components/schemas") {
        schemas.extend(extra);
        // Stable order for the snapshot and for review.
        let mut sorted: Vec<(String, Value)> = std::mem::take(schemas).into_iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        schemas.extend(sorted);
    }
    value
}

/// The document's text (built once).
pub static DOCUMENT: LazyLock<String> = LazyLock::new(|| {
    serde_json::to_string_pretty(&document()).unwrap_or_else(|_| "{}".to_string())
});

/// `GET /api/v1/openapi.json`.
#[allow(clippy::unused_async)]
pub async fn serve() -> Response {
    let mut r = DOCUMENT.as_str().into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}
