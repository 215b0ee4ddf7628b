#!/usr/bin/env bash
# Runs every fuzz target for SECONDS seconds at once, from the committed seeds (fuzz/seeds/) plus
# the corpus kept in fuzz/corpus/; fails if any target finds a crash, a timeout (one input taking
# more than 10 s) or a memory blow-up; prints what each did.
#
# usage: scripts/fuzz.sh SECONDS BIN_DIR TARGET...
#   BIN_DIR: where cargo fuzz put the target binaries (relative to fuzz/)
set -u
seconds=$1 bin=$2
shift 2
cd "$(dirname "$0")/../fuzz"
mkdir -p target/logs
pids=()
for t in "$@"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  extra=()
  [ -f "$t.dict" ] && extra=(-dict="$t.dict")
  "$bin/$t" "corpus/$t" "seeds/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="artifacts/$t/" "${extra[@]}" >"target/logs/$t.log" 2>&1 &
  pids+=("$t:$!")
done
status=0
for tp in "${pids[@]}"; do
  t=${tp%%:*}
  if wait "${tp##*:}"; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "target/logs/$t.log")
    secs=$(grep -a '^Done ' "target/logs/$t.log" | sed 's/.* in \([0-9]*\) second.*/\1/')
    cov=$(grep -a '^#[0-9]*[[:space:]]*DONE' "target/logs/$t.log" | sed 's/.*cov: \([0-9]*\).*corp: \([0-9]*\).*/\1 edges, corpus \2 inputs/')
    echo "[fuzz] $t: $runs runs in $secs s, no crash ($cov)"
  else
    status=1
    echo "[fuzz] $t: FAILED; the end of fuzz/target/logs/$t.log:"
    tail -n 40 "target/logs/$t.log"
  fi
done
exit $status
