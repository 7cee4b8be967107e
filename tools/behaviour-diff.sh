#!/usr/bin/env bash
# Save every public output of the CLI over a generated batch, to diff a
# restructuring's before and after (issue 10: behaviour does not change).
#
#   python3 tools/gen_batch.py /tmp/batch            # the inputs (deterministic)
#   tools/behaviour-diff.sh BIN /tmp/batch OUT_DIR   # BIN: target/release/landed
#   diff -r OUT_BEFORE OUT_AFTER                     # must print nothing
#
# Each run saves stdout, stderr and the exit code; the count of files and of
# results is printed at the end.
set -u
bin=$1; in=$2; out=$3
mkdir -p "$out"
run() { # name, args...
  local name=$1; shift
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo $? >"$out/$name.rc"
}
for lang in en fr; do
  for fmt in table json jsonl csv; do
    run "assess-$fmt-$lang" assess "$in/profiles.jsonl" --format "$fmt" --lang "$lang"
    run "crs-$fmt-$lang" crs "$in/answers.jsonl" --format "$fmt" --lang "$lang"
  done
  run "assess-jsonl-totals-$lang" assess "$in/profiles.jsonl" --format jsonl --detail totals --lang "$lang"
  run "crs-jsonl-totals-$lang" crs "$in/answers.jsonl" --format jsonl --detail totals --lang "$lang"
  run "assess-asof-$lang" assess "$in/profiles.jsonl" --format jsonl --as-of 2026-11-24 --lang "$lang"
  for fmt in table json jsonl; do
    run "timeline-$fmt-$lang" timeline "$in/planning.jsonl" --format "$fmt" --lang "$lang"
    run "whatif-$fmt-$lang" whatif "$in/planning.jsonl" --format "$fmt" --lang "$lang"
  done
  run "timeline-until-$lang" timeline "$in/planning.jsonl" --format jsonl --until 2031-12-31 --lang "$lang"
  run "timeline-jobs-end-$lang" timeline "$in/planning.jsonl" --format jsonl --as-of 2026-11-24 --jobs-end 2027-06-30 --lang "$lang"
  run "whatif-target-$lang" whatif "$in/planning.jsonl" --format jsonl --target 520 --lang "$lang"
  for fmt in table json; do
    run "rules-$fmt-$lang" rules --format "$fmt" --lang "$lang"
  done
done
echo "$(ls "$out"/*.out | wc -l) runs; $(cat "$out"/*.out | wc -l) output lines; $(cat "$out"/*.out | wc -c) bytes"
