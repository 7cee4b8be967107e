//! Router-level tests (`tower::ServiceExt::oneshot`) against a temp-file SQLite store.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod api;
mod api_v1;
mod common;
mod crs;
mod draws;
mod inbox;
mod openapi;
mod pages;
mod questions;
mod results;
mod staff;
mod whatif;
mod wizard;
