#!/usr/bin/env bash
# Build the fuzz targets with libFuzzer's coverage instrumentation on stable Rust (the flags
# `cargo fuzz build --sanitizer none` passes) and run each for SECONDS (default 25) on its
# corpus in fuzz/corpus/<target>. Exit non-zero on the first crash (the input is saved in
# fuzz/artifacts/<target>/). Usage: fuzz/run.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-25}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(profile answers batch_line language)
triple="$(rustc -vV | sed -n 's/^host: //p')"
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cllvm-args=-sanitizer-coverage-stack-depth \
--cfg fuzzing -Cdebug-assertions -Coverflow-checks"
# --target: the flags apply to the targets, not to build scripts and proc macros.
cargo build --release --locked --target "$triple" --bins
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  echo "== fuzz $t for ${secs}s"
  "target/$triple/release/$t" "corpus/$t" -max_total_time="$secs" -max_len=8192 \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="artifacts/$t/" 2>&1 |
    grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|INFO: Running with)" || true
  # libFuzzer exits non-zero on a crash; PIPESTATUS keeps that through the grep.
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "fuzz $t: crash, input in fuzz/artifacts/$t/" >&2; exit 1; }
done
