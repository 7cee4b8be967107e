//! CRS from answers and a full assessment from a profile, with the system allocator.
//! Run: cargo bench -p landed-rules --bench crs -- --warm-up-time 1 --measurement-time 3
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use criterion::{criterion_group, criterion_main};

criterion_group!(benches, common::bench, common::parts);
criterion_main!(benches);
