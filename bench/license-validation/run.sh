#!/usr/bin/env bash
# Licence validation benchmark (not a test): validations per second and p50/p99 latency of
# POST /api/licenses/validate against the running license-service with 100,000 licences loaded, and the
# same figures for the equivalent lookup straight in PostgreSQL (pgbench) as the baseline, with the load
# generator on the same machine. Goal: >= 5,000 validations/s with p99 < 10 ms.
#
#   bench/license-validation/run.sh [--infra own|local-run] [--licenses N] [--duration SECONDS]
#                                   [--connections "4 8 16"] [--threads N]
#
# Each concurrency in --connections is measured for the service (wrk, closed loop: each connection sends
# its next request when the answer came) and then for PostgreSQL (pgbench, same number of clients).
#
# Infrastructure (--infra):
#   own        (default) a throw-away PostgreSQL 15 cluster started here from the system's binaries, so no
#              one else's local run can stop or load it during the measurement.
#   local-run  PostgreSQL of the project's local run (./local-run up --infra-only, started here if it is not
#              running and then stopped again at the end); the licences go to a database of their own,
#              license_bench, dropped at the end.
# The service runs from its jar (built here) with its Kafka listeners off: validation never touches Kafka,
# and a second instance must not join the local run's consumer groups.
# Needs: a JDK, wrk (installed with apt-get when missing and running as root), psql and pgbench.
# Everything it starts is stopped on exit, also on Ctrl-C or failure.
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

INFRA=own
LICENSES=100000
DURATION=20
CONNECTIONS="4 8 16"
THREADS=2
SWEEP=90
SERVICE_PORT=${BENCH_SERVICE_PORT:-18083}
MANAGEMENT_PORT=${BENCH_MANAGEMENT_PORT:-19083}
OWN_PG_PORT=${BENCH_PG_PORT:-25432}
HEAP=${BENCH_SERVICE_HEAP:--Xms512m -Xmx512m}

while (( $# )); do
  case $1 in
    --infra) INFRA=$2; shift 2 ;;
    --licenses) LICENSES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

say() { printf '==> %s\n' "$*"; }
die() { trap - ERR; printf 'error: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

WORK=$(mktemp -d -t license-bench.XXXXXX)
chmod 755 "$WORK"
SERVICE_PID=
OWN_PG_DIR=
STARTED_LOCAL_RUN=false
DB_HOST=127.0.0.1
DB_NAME=license_bench
DB_USER=portal
DB_PASSWORD=portal
DB_PORT=

cleanup() {
  local rc=$?
  trap - ERR
  set +e
  if [[ -n $SERVICE_PID ]] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    say "Stopping license-service (pid $SERVICE_PID)"
    kill "$SERVICE_PID"
    for _ in $(seq 1 60); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVICE_PID" 2>/dev/null && kill -9 "$SERVICE_PID"
    wait "$SERVICE_PID" 2>/dev/null
  fi
  if [[ -n $OWN_PG_DIR ]]; then
    say "Stopping the benchmark's PostgreSQL"
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$OWN_PG_DIR/data" -m fast -w stop >/dev/null 2>&1
  elif [[ -n $DB_PORT ]]; then
    PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc "drop database if exists $DB_NAME" >/dev/null 2>&1
  fi
  if $STARTED_LOCAL_RUN; then
    say "Stopping the local run's infrastructure started for the benchmark"
    "$ROOT/local-run" down >/dev/null 2>&1
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'echo "error: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

# ---- tools --------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  [[ $(id -u) == 0 ]] || die "wrk is missing: apt-get install wrk"
  say "Installing wrk (Debian package)"
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
fi
command -v psql >/dev/null && command -v pgbench >/dev/null || die "psql and pgbench are needed (postgresql-client)"

# ---- the service's jar --------------------------------------------------------------------------------
JAR="$ROOT/license-service/target/license-service-0.1.0-SNAPSHOT.jar"
say "Building license-service"
(cd "$ROOT" && { ./mvnw -B -q -o -pl license-service -am package -DskipTests >"$WORK/build.log" 2>&1 \
  || ./mvnw -B -q -pl license-service -am package -DskipTests >"$WORK/build.log" 2>&1; }) \
  || { tail -40 "$WORK/build.log"; die "build failed"; }

# ---- PostgreSQL ---------------------------------------------------------------------------------------
case $INFRA in
  local-run)
    DB_PORT=15432
    if ! port_open "$DB_PORT"; then
      say "Starting the local run's infrastructure (./local-run up --infra-only)"
      STARTED_LOCAL_RUN=true
      "$ROOT/local-run" up --infra-only >"$WORK/local-run.log" 2>&1 || { tail -30 "$WORK/local-run.log"; die "local run did not start"; }
    else
      say "Using the running local run's PostgreSQL on port $DB_PORT"
    fi
    PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc "drop database if exists $DB_NAME" >/dev/null
    PGPASSWORD=$DB_PASSWORD psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d postgres -qc "create database $DB_NAME" >/dev/null
    ;;
  own)
    DB_PORT=$OWN_PG_PORT
    port_open "$DB_PORT" && die "port $DB_PORT is taken: set BENCH_PG_PORT"
    OWN_PG_DIR="$WORK/pg"
    mkdir -p "$OWN_PG_DIR" && chown postgres "$OWN_PG_DIR"
    say "Starting a throw-away PostgreSQL 15 on port $DB_PORT"
    runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$OWN_PG_DIR/data" -U postgres -E UTF8 --no-locale \
      --auth-host=scram-sha-256 --auth-local=peer >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log"; die "initdb failed"; }
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$OWN_PG_DIR/data" -l "$OWN_PG_DIR/postgres.log" -w \
      -o "-p $DB_PORT -c listen_addresses=127.0.0.1 -k $OWN_PG_DIR -c max_connections=100 -c shared_buffers=256MB" start >/dev/null
    runuser -u postgres -- psql -h "$OWN_PG_DIR" -p "$DB_PORT" -d postgres -q \
      -c "create role $DB_USER login password '$DB_PASSWORD'" -c "create database $DB_NAME owner $DB_USER" >/dev/null
    ;;
  *) die "--infra must be own or local-run" ;;
esac
export PGPASSWORD=$DB_PASSWORD
PSQL=(psql -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -q)

# ---- the service --------------------------------------------------------------------------------------
port_open "$SERVICE_PORT" && die "port $SERVICE_PORT is taken: set BENCH_SERVICE_PORT"
port_open "$MANAGEMENT_PORT" && die "port $MANAGEMENT_PORT is taken: set BENCH_MANAGEMENT_PORT"
say "Starting license-service on port $SERVICE_PORT ($HEAP)"
# the local profile: the key pair committed for development signs the benchmark's certificates
SERVER_PORT=$SERVICE_PORT MANAGEMENT_SERVER_PORT=$MANAGEMENT_PORT SPRING_PROFILES_ACTIVE=local \
SPRING_DATASOURCE_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$DB_NAME" SPRING_DATASOURCE_USERNAME=$DB_USER \
SPRING_DATASOURCE_PASSWORD=$DB_PASSWORD SPRING_KAFKA_BOOTSTRAPSERVERS=127.0.0.1:${BENCH_KAFKA_PORT:-9092} \
SPRING_KAFKA_LISTENER_AUTO_STARTUP=false SPRING_KAFKA_ADMIN_AUTO_CREATE=false \
PORTAL_LICENSE_EXPIRY_INTERVAL=1h \
  java $HEAP -XX:+ExitOnOutOfMemoryError -jar "$JAR" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for i in $(seq 1 240); do
  if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness") == 200 ]]; then break; fi
  kill -0 "$SERVICE_PID" 2>/dev/null || { tail -40 "$WORK/service.log"; die "license-service exited"; }
  (( i == 240 )) && { tail -40 "$WORK/service.log"; die "license-service was not ready within 120 s"; }
  sleep 0.5
done

# ---- licences -----------------------------------------------------------------------------------------
say "Loading $LICENSES licences"
"${PSQL[@]}" -v licenses="$LICENSES" -f "$HERE/load.sql" >/dev/null
"${PSQL[@]}" -Atc "select license_key || ' ' || product from license order by random()" >"$WORK/keys.txt"
LOADED=$(wc -l <"$WORK/keys.txt")
(( LOADED >= LICENSES )) || die "only $LOADED licences loaded"
sample=$(head -1 "$WORK/keys.txt")
answer=$(curl -s -H 'Content-Type: application/json' \
  -d "{\"key\":\"${sample%% *}\",\"product\":\"${sample##* }\"}" "http://127.0.0.1:$SERVICE_PORT/api/licenses/validate")
[[ $answer == *'"code":"VALID"'* ]] || die "a loaded licence does not validate: $answer"

URL="http://127.0.0.1:$SERVICE_PORT/api/licenses/validate"
wrk_run() {  # duration mode -> RESULT line
  local c=${CONN:-16}; wrk -t"$(( c < THREADS ? c : THREADS ))" -c"$c" -d"$1" --timeout 5s -s "$HERE/validate.lua" "$URL" -- "$WORK/keys.txt" "$2" "$THREADS" \
    | tee -a "$WORK/wrk.log" | grep '^RESULT'
}
field() { sed -n "s/.* $2=\([0-9]*\).*/\1/p" <<<"$1"; }

say "Warming up: every licence validated once (fills the cache; ${SWEEP}s at most), then ${DURATION}s at random"
wrk_run "${SWEEP}s" sweep >/dev/null
wrk_run "${DURATION}s" random >/dev/null
say "Warming up PostgreSQL: the baseline lookup for 10s"
pgbench -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -n -M prepared -c 8 -j "$THREADS" -T 10 \
  -D licenses="$LICENSES" -f "$HERE/lookup.sql" "$DB_NAME" >"$WORK/pgbench-warmup.out" 2>&1 \
  || { tail -20 "$WORK/pgbench-warmup.out"; die "pgbench failed"; }

pct() { awk -v p="$2" '{a[NR]=$1} END {i=int(NR*p/100); if (i<1) i=1; print a[i]}' "$1"; }
ms() { awk -v us="$1" 'BEGIN {printf "%.2f ms", us / 1000}'; }
ROWS=()
MET=false
LOAD_BEFORE=$(cut -d' ' -f1 /proc/loadavg)
for c in $CONNECTIONS; do
  say "Measuring with $c connections: the service, then PostgreSQL (${DURATION}s each)"
  HTTP=$(CONN=$c wrk_run "${DURATION}s" random)
  [[ $(field "$HTTP" non2xx) == 0 && $(field "$HTTP" errors) == 0 ]] || die "errors during the run: $HTTP"
  rm -f "$WORK"/pgbench.[0-9]*
  (cd "$WORK" && pgbench -h "$DB_HOST" -p "$DB_PORT" -U "$DB_USER" -n -M prepared -c "$c" -j "$(( c < THREADS ? c : THREADS ))" \
    -T "$DURATION" -D licenses="$LICENSES" -f "$HERE/lookup.sql" -l --log-prefix=pgbench "$DB_NAME" >"$WORK/pgbench.out" 2>&1) \
    || { cat "$WORK/pgbench.out"; die "pgbench failed"; }
  PG_TPS=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$WORK/pgbench.out" | head -1)
  cat "$WORK"/pgbench.[0-9]* | awk '{print $3}' | sort -n >"$WORK/pg-latencies.txt"
  PG_P50=$(pct "$WORK/pg-latencies.txt" 50)
  PG_P99=$(pct "$WORK/pg-latencies.txt" 99)
  HTTP_RPS=$(awk -v r="$(field "$HTTP" requests)" -v d="$(field "$HTTP" duration_us)" 'BEGIN {printf "%.0f", r / (d / 1e6)}')
  HTTP_P50=$(field "$HTTP" p50_us)
  HTTP_P99=$(field "$HTTP" p99_us)
  if awk -v r="$HTTP_RPS" -v p="$HTTP_P99" 'BEGIN {exit !(r >= 5000 && p < 10000)}'; then MET=true; fi
  ROWS+=("$(printf '  %3s  service (POST /api/licenses/validate)  %8s/s  %10s  %10s' "$c" "$HTTP_RPS" "$(ms "$HTTP_P50")" "$(ms "$HTTP_P99")")")
  ROWS+=("$(printf '       PostgreSQL (lookup by key, pgbench)   %8.0f/s  %10s  %10s' "$PG_TPS" "$(ms "$PG_P50")" "$(ms "$PG_P99")")")
  ROWS+=("$(printf '       service / PostgreSQL                  %10.2f  %10.2f  %10.2f' \
    "$(awk -v a="$HTTP_RPS" -v b="$PG_TPS" 'BEGIN {print a / b}')" "$(awk -v a="$HTTP_P50" -v b="$PG_P50" 'BEGIN {print a / b}')" \
    "$(awk -v a="$HTTP_P99" -v b="$PG_P99" 'BEGIN {print a / b}')")")
done
LOAD_AFTER=$(cut -d' ' -f1 /proc/loadavg)

echo
echo "Licence validation benchmark: $(nproc) cores, $LICENSES licences, ${DURATION}s per figure, wrk and pgbench with $THREADS threads"
echo "on the same machine; load average ${LOAD_BEFORE} before, ${LOAD_AFTER} after (anything else running shows here)"
echo "conns                                          per second         p50         p99"
printf '%s\n' "${ROWS[@]}"
echo "Goal (>= 5,000 validations/s with p99 < 10 ms at some concurrency): $($MET && echo met || echo 'NOT met')"
