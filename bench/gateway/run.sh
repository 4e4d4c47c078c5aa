#!/usr/bin/env bash
# Gateway benchmarks: what the gateway costs, and how soon a paid order's licence can be seen.
#
#   ./local-run up              # the whole suite: Keycloak, Kafka, PostgreSQL, services, gateway
#   bench/gateway/run.sh        # then this, from the repository root or anywhere
#
# 1. An authenticated GET /api/licenses/{id} (one of the benchmark user's licences), with wrk at a
#    fixed connection count and duration: straight to license-service, then through the gateway,
#    in alternating rounds. Prints requests/s, p50 and p99 of each and the gateway's share of the
#    direct throughput (goal: at least 60%).
# 2. "Paid order -> licence visible": BENCH_ORDERS orders one after the other (quote, order, card
#    payment, all through the gateway), each followed by polling GET /api/licenses until the new
#    licence shows. Prints p50/p99 (goal: p99 under 250 ms).
#
# The gateway measured is a second instance of the same jar and configuration, started by this
# script on BENCH_GATEWAY_PORT with the same heap and event-loop threads as the local run's, with
# the per-user rate limit raised so that the limiter runs on every request but refuses none (the
# local run's gateway allows 20 requests/s per user, which wrk would hit at once). Point
# BENCH_GATEWAY_URL at a running gateway to measure that one instead.
#
# Settings (environment):
#   BENCH_CONNECTIONS=32 BENCH_THREADS=2 BENCH_DURATION=30s BENCH_WARMUP=60s BENCH_ROUNDS=3
#   BENCH_ORDERS=200 BENCH_USER=alice BENCH_PASSWORD=alice-local (LOCAL-ONLY demo login)
#   BENCH_GATEWAY_URL= BENCH_GATEWAY_PORT=18080 BENCH_GATEWAY_MANAGEMENT_PORT=19080 BENCH_GATEWAY_HEAP=-Xmx256m
#   BENCH_GATEWAY_IO_THREADS=1 (as the local run's gateway; empty: the gateway's default, one per core)
#   KEYCLOAK_URL=http://localhost:8180 LICENSE_SERVICE_URL=http://localhost:8083
#   LICENSE_SERVICE_HEALTH_URL=http://localhost:9083 (its management port)
#
# Load, gateway and services share this machine's cores: the figures compare one another, they
# are not a capacity statement. Traffic goes to localhost only.
set -Eeuo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-60s}
ROUNDS=${BENCH_ROUNDS:-3}
ORDERS=${BENCH_ORDERS:-200}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080}
GATEWAY_MANAGEMENT_PORT=${BENCH_GATEWAY_MANAGEMENT_PORT:-19080}
GATEWAY_HEAP=${BENCH_GATEWAY_HEAP:--Xmx256m}
GATEWAY_IO_THREADS_BENCH=${BENCH_GATEWAY_IO_THREADS-${LOCAL_RUN_GATEWAY_IO_THREADS-1}}
KEYCLOAK_URL=${KEYCLOAK_URL:-http://localhost:8180}
LICENSE_SERVICE_URL=${LICENSE_SERVICE_URL:-http://localhost:8083}
SERVICE_URLS=(http://localhost:8081 http://localhost:8082 "$LICENSE_SERVICE_URL" http://localhost:8084)
# their probes (the local run's management ports)
SERVICE_HEALTH_URLS=(http://localhost:9081 http://localhost:9082 "${LICENSE_SERVICE_HEALTH_URL:-http://localhost:9083}" http://localhost:9084)
GATEWAY_JAR="$ROOT/gateway/target/gateway-0.1.0-SNAPSHOT.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/gateway-bench.XXXXXX")
GATEWAY_PID=

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

cleanup() {
  if [[ -n $GATEWAY_PID ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    kill -TERM "$GATEWAY_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$GATEWAY_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$GATEWAY_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

status_of() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true; }

await_ready() { # url, seconds
  local i
  for (( i = 0; i < $2; i++ )); do
    [[ $(status_of "$1") == 200 ]] && return 0
    sleep 1
  done
  return 1
}

# ---- tools ------------------------------------------------------------------------------------------
command -v curl >/dev/null || die "curl is needed"
command -v "$JAVA" >/dev/null || die "java (17+) is needed"
if ! command -v wrk >/dev/null; then
  [[ $(id -u) == 0 ]] || die "wrk is needed: apt-get install -y wrk"
  say "installing wrk"
  apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
fi

# ---- is the local run up? ---------------------------------------------------------------------------
say "checking the local run (./local-run up)"
[[ $(status_of "$KEYCLOAK_URL/realms/portal/.well-known/openid-configuration") == 200 ]] \
  || die "Keycloak is not answering at $KEYCLOAK_URL: start the suite with ./local-run up"
for url in "${SERVICE_HEALTH_URLS[@]}"; do
  [[ $(status_of "$url/actuator/health/readiness") == 200 ]] || die "no ready service at $url: start the suite with ./local-run up"
done

# ---- the gateway under measurement ----------------------------------------------------------------
if [[ -n ${BENCH_GATEWAY_URL:-} ]]; then
  GATEWAY_URL=$BENCH_GATEWAY_URL
  say "measuring the running gateway at $GATEWAY_URL (its rate limits apply)"
else
  [[ -f $GATEWAY_JAR ]] || die "no gateway jar: build it with ./mvnw -B -q -pl gateway -am package -DskipTests"
  [[ $(status_of "http://localhost:$GATEWAY_PORT/") == 000 ]] || die "port $GATEWAY_PORT is taken (set BENCH_GATEWAY_PORT)"
  [[ $(status_of "http://localhost:$GATEWAY_MANAGEMENT_PORT/") == 000 ]] || die "port $GATEWAY_MANAGEMENT_PORT is taken (set BENCH_GATEWAY_MANAGEMENT_PORT)"
  say "starting a gateway for the benchmark on port $GATEWAY_PORT ($GATEWAY_HEAP, event-loop threads: ${GATEWAY_IO_THREADS_BENCH:-one per core})"
  # shellcheck disable=SC2086
  env SERVER_PORT="$GATEWAY_PORT" MANAGEMENT_SERVER_PORT="$GATEWAY_MANAGEMENT_PORT" \
    PORTAL_GATEWAY_ROUTES_ACCOUNTSERVICEURL="${SERVICE_URLS[0]}" PORTAL_GATEWAY_ROUTES_ORDERSERVICEURL="${SERVICE_URLS[1]}" \
    PORTAL_GATEWAY_ROUTES_LICENSESERVICEURL="${SERVICE_URLS[2]}" \
    PORTAL_GATEWAY_ROUTES_NOTIFICATIONSERVICEURL="${SERVICE_URLS[3]}" \
    SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI="$KEYCLOAK_URL/realms/portal" \
    PORTAL_GATEWAY_RATELIMIT_AUTHENTICATED_CAPACITY=100000000 \
    PORTAL_GATEWAY_RATELIMIT_AUTHENTICATED_REFILLPERSECOND=100000000 GATEWAY_IO_THREADS="$GATEWAY_IO_THREADS_BENCH" \
    "$JAVA" $GATEWAY_HEAP -jar "$GATEWAY_JAR" > "$WORK/gateway.log" 2>&1 &
  GATEWAY_PID=$!
  GATEWAY_URL="http://localhost:$GATEWAY_PORT"
  await_ready "http://localhost:$GATEWAY_MANAGEMENT_PORT/actuator/health/readiness" 180 || { tail -30 "$WORK/gateway.log" >&2; die "the benchmark gateway did not start"; }
fi

client() { GATEWAY_URL=$GATEWAY_URL KEYCLOAK_URL=$KEYCLOAK_URL "$JAVA" "$HERE/PortalClient.java" "$@"; }

say "preparing the benchmark user's organisation and a licence (through the gateway)"
LICENSE_ID=$(client prepare)
TOKEN=$(client token)
PATH_UNDER_TEST="/api/licenses/$LICENSE_ID"
for base in "$LICENSE_SERVICE_URL" "$GATEWAY_URL"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$base$PATH_UNDER_TEST")
  [[ $code == 200 ]] || die "GET $base$PATH_UNDER_TEST answered $code"
done

# ---- 1. authenticated GET: direct and through the gateway ------------------------------------------
to_ms() { # wrk's 1.23ms / 456.00us / 1.20s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { # pid -> user+system clock ticks so far (0 when unknown)
  if [[ -n $1 && -r /proc/$1/stat ]]; then
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
  else
    echo 0
  fi
}
pid_on_port() { ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1; }
SERVICE_PID=$(pid_on_port "${LICENSE_SERVICE_URL##*:}")
MEASURED_GATEWAY_PID=${GATEWAY_PID:-$(pid_on_port "${GATEWAY_URL##*:}")}

run_wrk() { # name, url, duration -> "rps p50 p99 errors gateway-cpu-ms-per-request service-cpu-ms-per-request"
  local out="$WORK/wrk-$1.txt" g0 s0 g1 s1
  g0=$(cpu_ticks "$MEASURED_GATEWAY_PID"); s0=$(cpu_ticks "$SERVICE_PID")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -H "Authorization: Bearer $TOKEN" "$2" > "$out"
  g1=$(cpu_ticks "$MEASURED_GATEWAY_PID"); s1=$(cpu_ticks "$SERVICE_PID")
  local rps p50 p99 errors requests
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  requests=$(awk '/requests in/ { print $1 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF }
                /Socket errors:/ { for (i = 3; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) n += $i + 0 }
                END { print n + 0 }' "$out")
  awk -v rps="$rps" -v p50="$p50" -v p99="$p99" -v e="$errors" -v n="$requests" -v hz="$CLK_TCK" \
      -v g=$(( g1 - g0 )) -v sv=$(( s1 - s0 )) \
      'BEGIN { printf "%s %s %s %s %.3f %.3f\n", rps, p50, p99, e, 1000 * g / hz / n, 1000 * sv / hz / n }'
}

say "warming up both paths ($WARMUP each)"
TOKEN=$(client token)
run_wrk warmup-direct "$LICENSE_SERVICE_URL$PATH_UNDER_TEST" "$WARMUP" >/dev/null
run_wrk warmup-gateway "$GATEWAY_URL$PATH_UNDER_TEST" "$WARMUP" >/dev/null

declare -a RESULTS=() CPU=()
for (( round = 1; round <= ROUNDS; round++ )); do
  TOKEN=$(client token) # a token outlives any round (30 min), but start each with a fresh one
  say "round $round/$ROUNDS: direct ($DURATION)"
  read -r d_rps d_p50 d_p99 d_err _ d_svc < <(run_wrk "direct-$round" "$LICENSE_SERVICE_URL$PATH_UNDER_TEST" "$DURATION")
  say "round $round/$ROUNDS: through the gateway ($DURATION)"
  read -r g_rps g_p50 g_p99 g_err g_gw g_svc < <(run_wrk "gateway-$round" "$GATEWAY_URL$PATH_UNDER_TEST" "$DURATION")
  RESULTS+=("$round $d_rps $d_p50 $d_p99 $d_err $g_rps $g_p50 $g_p99 $g_err")
  CPU+=("$round $d_svc $g_gw $g_svc")
done

# ---- 2. paid order -> licence visible ---------------------------------------------------------------
say "paid order -> licence visible: $ORDERS orders through the gateway"
LATENCY=$(client paid-to-visible "$ORDERS")

# ---- report -----------------------------------------------------------------------------------------
echo
echo "Gateway benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(nproc) cores ($(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $("$JAVA" -version 2>&1 | head -1)"
echo "load: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, GET $PATH_UNDER_TEST with a Keycloak token, same machine"
echo "gateway: $GATEWAY_URL${GATEWAY_PID:+ (started by this script, $GATEWAY_HEAP, event-loop threads: ${GATEWAY_IO_THREADS_BENCH:-one per core})}; direct: $LICENSE_SERVICE_URL"
echo
printf '%-6s %12s %9s %9s %7s | %12s %9s %9s %7s | %6s\n' round "direct rps" "p50 ms" "p99 ms" errors "gateway rps" "p50 ms" "p99 ms" errors ratio
for line in "${RESULTS[@]}"; do
  # shellcheck disable=SC2086
  set -- $line
  printf '%-6s %12.0f %9.2f %9.2f %7d | %12.0f %9.2f %9.2f %7d | %5.0f%%\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$9" \
    "$(awk -v g="$6" -v d="$2" 'BEGIN { print 100 * g / d }')"
done
printf '%s\n' "${RESULTS[@]}" | awk '{ d += $2; g += $6; n++ } END { printf "mean   %12.0f %31s| %12.0f %31s| %5.0f%%  (goal: >= 60%%)\n", d / n, "", g / n, "", 100 * g / d }'
# A round disturbed by the machine's other work moves the mean; the median round does not.
printf '%s\n' "${RESULTS[@]}" | awk '{ print 100 * $6 / $2 }' | sort -n \
  | awk '{ r[NR] = $1 } END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "median ratio of the rounds: %.0f%%\n", m }'
echo
echo "CPU per request (ms, from /proc; 0.000 when the process was not found):"
printf '%s\n' "${CPU[@]}" | awk '{ printf "  round %s: direct: service %s | through the gateway: gateway %s, service %s\n", $1, $2, $3, $4 }'
echo
echo "paid order -> licence visible ($ORDERS orders, card payment, polling GET /api/licenses through the gateway):"
while IFS= read -r line; do echo "  $line"; done <<< "$LATENCY"
echo "  (goal: p99 under 250 ms)"
