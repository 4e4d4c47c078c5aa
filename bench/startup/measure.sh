#!/bin/sh
# Start-up time of the whole suite through ./local-run: a first start (empty data folder; the downloads
# already in Maven's local repository, the jars built) and a second start (data folder kept), each followed by
# `down`. Prints both wall times, when each component was ready, and how long each `down` took. See README.md here.
#
#   bench/startup/measure.sh            # data folder target/startup-bench (not your .local)
#   LOCAL_RUN_DIR=/some/dir bench/startup/measure.sh
#
# Uses the fixed local ports: run it when no other local run (or end-to-end run) is up.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd -P)
LOCAL_RUN_DIR=${LOCAL_RUN_DIR:-$ROOT/target/startup-bench}
export LOCAL_RUN_DIR
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

start() {  # start <name>: ./local-run up, its output to $OUT/<name>.log, the wall time to $OUT/<name>.time
  t0=$(now)
  if ! "$ROOT/local-run" up > "$OUT/$1.log" 2>&1; then
    tail -n 60 "$OUT/$1.log" >&2
    "$ROOT/local-run" down > /dev/null 2>&1 || true
    echo "measure: ./local-run up ($1) failed" >&2
    exit 1
  fi
  took "$t0" "$(now)" > "$OUT/$1.time"
  t0=$(now)
  "$ROOT/local-run" down > "$OUT/$1-down.log" 2>&1
  took "$t0" "$(now)" > "$OUT/$1-down.time"
}

"$ROOT/local-run" down > /dev/null 2>&1 || true
"$ROOT/local-run" clean > /dev/null
start first
start second

echo "start-up of the whole suite (data folder $LOCAL_RUN_DIR), $(nproc 2>/dev/null || echo '?') cores, load $(uptime | sed 's/.*load average: //')"
for run in first second; do
  echo "$run start: $(cat "$OUT/$run.time") s"
  sed -n 's/^ *ok \(.*\) ready (\(.*\)s)$/    \2 s  \1/p' "$OUT/$run.log"
done
echo "first down: $(cat "$OUT/first-down.time") s (after new jars: with the class-data sharing training runs)"
echo "second down: $(cat "$OUT/second-down.time") s"
