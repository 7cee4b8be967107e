//! The same benchmarks with mimalloc, the global allocator of the `landed` binary.
//! Run: cargo bench -p landed-rules --bench crs_mimalloc -- --warm-up-time 1 --measurement-time 3
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod common;

use criterion::{criterion_group, criterion_main};

criterion_group!(benches, common::bench, common::parts);
criterion_main!(benches);
