#!/usr/bin/env bash
# The benchmark of issue 13: bash bench/run.sh [scenario ...]
#   scenarios: registration kafka-ingest process-starts payment-latency memory profile bank-import aging (default: all)
# Builds the service jar and the load generator, starts the service on its local profile once per scenario (fresh
# database and engine each time), drives the load from bench/loadgen (Java), stops the service, and appends the
# figures with machine and date to bench/results/<yyyy-mm-dd>.md. See bench/README.md.
# Exit: 0 all ran and were measured; 1 a scenario failed; 3 a scenario could not run (e.g. no Kafka in this build).
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/jdk.sh
source .ci/postgres.sh

ALL=(registration kafka-ingest process-starts payment-latency memory profile bank-import aging)
if [ $# -eq 0 ]; then SELECTED=("${ALL[@]}"); else SELECTED=("$@"); fi
for s in "${SELECTED[@]}"; do
  [[ " ${ALL[*]} " == *" $s "* ]] || { echo "unknown scenario '$s'; one of: ${ALL[*]}" >&2; exit 2; }
done
command -v curl >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null; }

# Sizes (each scenario is also bounded in time inside the load generator). Override with environment variables.
REG_WARMUP=${BENCH_REG_WARMUP:-500}; REG_COUNT=${BENCH_REG_COUNT:-5000}
KAFKA_COUNT=${BENCH_KAFKA_COUNT:-100000}
KAFKA_MAX_SECONDS=${BENCH_KAFKA_MAX_SECONDS:-420}
PS_WARMUP=${BENCH_PS_WARMUP:-100}; PS_COUNT=${BENCH_PS_COUNT:-1000}
PAY_COUNT=${BENCH_PAY_COUNT:-300}; PAY_RATE=${BENCH_PAY_RATE:-50}
PROFILE_WARMUP=${BENCH_PROFILE_WARMUP:-200}; PROFILE_COUNT=${BENCH_PROFILE_COUNT:-1000}
BANK_INVOICES=${BENCH_BANK_INVOICES:-1000000}; BANK_CUSTOMERS=${BENCH_BANK_CUSTOMERS:-100000}
BANK_ENTRIES=${BENCH_BANK_ENTRIES:-100000}; BANK_BOOK_ENTRIES=${BENCH_BANK_BOOK_ENTRIES:-10000}
BANK_MAX_SECONDS=${BENCH_BANK_MAX_SECONDS:-600}
AGING_INVOICES=${BENCH_AGING_INVOICES:-1000000}; AGING_CUSTOMERS=${BENCH_AGING_CUSTOMERS:-100000}
DB_NAME=collection_orchestrator_bench_local   # its own *_local database: a running `bash .ci/dev run` keeps its own
DB_URL="jdbc:postgresql://localhost:5432/$DB_NAME"

DATE=$(date +%F)
RESULTS=bench/results/$DATE.md
WORK=bench/results/.work/$(date +%Y%m%d-%H%M%S)
mkdir -p "$WORK"
STARTED=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
if awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
  echo "WARNING: load average is $LOAD_BEFORE on $(nproc) CPUs before the benchmark starts; other work on this machine" \
    "will lower the figures (the results file records it)" >&2
fi

echo "== building the service jar and the load generator"
./mvnw -B -q -DskipTests package
./mvnw -B -q -f bench/loadgen/pom.xml package
JAR=$(ls target/collection-orchestrator-*.jar | grep -v -- '-plain' | head -n 1)
LOADGEN=(java -Xmx3g -cp "bench/loadgen/target/loadgen.jar:bench/loadgen/target/lib/*" org.collectionorchestrator.bench.LoadGen)

free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 10000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

SVC_PID=""; SAMPLER_PID=""
# start_service NAME "JVM OPTIONS" [app args...]: the service on its local profile, its own HTTP and engine ports
start_service() {
  local name=$1 jvm_opts=$2; shift 2
  SVC_NAME=$name
  SVC_PORT=$(free_port); local engine_port; engine_port=$(free_port)
  BASE_URL="http://127.0.0.1:$SVC_PORT"
  echo "== [$name] starting the service on 127.0.0.1:$SVC_PORT (engine 127.0.0.1:$engine_port) $*"
  # shellcheck disable=SC2086
  java $jvm_opts -jar "$JAR" --spring.profiles.active=local --collection.demo-data.enabled=false \
    --server.port="$SVC_PORT" --server.address=127.0.0.1 \
    --collection.local-engine.port="$engine_port" --camunda.client.grpc-address="http://127.0.0.1:$engine_port" \
    --spring.datasource.url="$DB_URL" --management.endpoint.health.probes.enabled=true "$@" >"$WORK/service-$name.log" 2>&1 &
  SVC_PID=$!
  local deadline=$(( $(date +%s) + 180 ))
  # /actuator/health answers UP while Tomcat runs but the context is still starting (models not yet deployed);
  # its readiness group turns UP only after the application is ready.
  until curl -fs "$BASE_URL/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$SVC_PID" 2>/dev/null || [ "$(date +%s)" -gt "$deadline" ]; then
      echo "the service did not become healthy; last log lines:" >&2; tail -n 20 "$WORK/service-$name.log" >&2
      stop_service; return 1
    fi
    sleep 1
  done
  echo "   healthy after $(( $(date +%s) - deadline + 180 )) s"
  # memory sampler: heap used (actuator) and RSS, once a second, until the service stops
  ( while kill -0 "$SVC_PID" 2>/dev/null; do
      heap=$(curl -fs "$BASE_URL/actuator/metrics/jvm.memory.used?tag=area:heap" 2>/dev/null \
        | sed -n 's/.*"statistic":"VALUE","value":\([0-9.E+]*\).*/\1/p')
      rss=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$SVC_PID/status" 2>/dev/null)
      hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$SVC_PID/status" 2>/dev/null)
      echo "$(date +%s) ${heap:-NA} ${rss:-NA} ${hwm:-NA}"
      sleep 1
    done ) >"$WORK/memory-$name.samples" 2>/dev/null &
  SAMPLER_PID=$!
}

# stop_service: VmHWM is read before the JVM exits; SIGTERM lets it shut down (and dump JFR)
stop_service() {
  [ -n "$SVC_PID" ] || return 0
  local hwm
  hwm=$(sed -n 's/^VmHWM:[[:space:]]*\([0-9]*\) kB/\1/p' "/proc/$SVC_PID/status" 2>/dev/null || true)
  echo "${hwm:-NA}" >"$WORK/memory-$SVC_NAME.hwm"
  kill "$SVC_PID" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 1; done
  kill -9 "$SVC_PID" 2>/dev/null || true
  wait "$SVC_PID" 2>/dev/null || true
  [ -n "$SAMPLER_PID" ] && { kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; }
  SVC_PID=""; SAMPLER_PID=""
}
trap stop_service EXIT INT TERM

STATUS=0
# loadgen SCENARIO OUTFILE [args...]: records the worst exit (1 failed beats 3 not run)
loadgen() {
  local scenario=$1 out=$2; shift 2
  local rc=0
  "${LOADGEN[@]}" "$scenario" --out "$out" "$@" || rc=$?
  if [ "$rc" -eq 1 ] || { [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; }; then STATUS=1
  elif [ "$rc" -eq 3 ] && [ "$STATUS" -eq 0 ]; then STATUS=3; fi
  return 0
}

selected() { [[ " ${SELECTED[*]} " == *" $1 "* ]]; }
RUNS=()

if selected registration || { selected memory && [ ${#SELECTED[@]} -eq 1 ]; }; then
  start_service registration "" && {
    loadgen registration "$WORK/10-registration.md" --title "1. registration" --base-url "$BASE_URL" \
      --clients 16 --warmup "$REG_WARMUP" --count "$REG_COUNT" --max-seconds 240
    stop_service; RUNS+=(registration); } || STATUS=1
fi

if selected kafka-ingest; then
  start_service kafka-ingest "" --collection.outbox.channels=events && {
    loadgen kafka-ingest "$WORK/20-kafka-ingest.md" --title "2. kafka-ingest" --base-url "$BASE_URL" --db "$DB_URL" \
      --count "$KAFKA_COUNT" --max-seconds "$KAFKA_MAX_SECONDS"
    stop_service; RUNS+=(kafka-ingest); } || STATUS=1
fi

if selected process-starts; then
  echo "== [process-starts] bare in-memory engine in the load generator's JVM (service not running)"
  loadgen bare-engine "$WORK/31-bare-engine.md" --title "3b. process-starts, bare engine side" \
    --bpmn bpmn --dmn dmn --clients 16 --warmup "$PS_WARMUP" --count "$PS_COUNT" --max-seconds 180 \
    --rate-file "$WORK/bare-engine.rate"
  start_service process-starts "" && {
    loadgen process-starts "$WORK/30-process-starts.md" --title "3. process-starts, service vs bare engine" \
      --base-url "$BASE_URL" --db "$DB_URL" --clients 16 --warmup "$PS_WARMUP" --count "$PS_COUNT" --max-seconds 180 \
      --bare-rate-file "$WORK/bare-engine.rate"
    stop_service; RUNS+=(process-starts); } || STATUS=1
fi

if selected payment-latency; then
  start_service payment-latency "" && {
    loadgen payment-latency "$WORK/40-payment-latency.md" --title "4. payment-latency" --base-url "$BASE_URL" \
      --db "$DB_URL" --count "$PAY_COUNT" --rate "$PAY_RATE" --max-seconds 120
    stop_service; RUNS+=(payment-latency); } || STATUS=1
fi

if selected profile; then
  start_service profile "" && {
    # recording starts once the service is ready, so start-up is not in it
    "$JAVA_HOME/bin/jcmd" "$SVC_PID" JFR.start name=bench settings=profile >/dev/null
    loadgen registration "$WORK/60-profile-load.md" --title "6. profile: the load (registration, JFR on)" \
      --base-url "$BASE_URL" --clients 16 --warmup "$PROFILE_WARMUP" --count "$PROFILE_COUNT" --max-seconds 180
    "$JAVA_HOME/bin/jcmd" "$SVC_PID" JFR.stop name=bench filename="$(pwd)/$WORK/profile.jfr" >/dev/null || true
    stop_service; RUNS+=(profile); } || STATUS=1
  if [ -s "$WORK/profile.jfr" ]; then
    loadgen jfr-summary "$WORK/61-profile.md" --title "6. profile: where the service's time goes (registration)" \
      --jfr "$WORK/profile.jfr"
  else
    echo "no JFR recording written" >&2; STATUS=1
  fi
fi

if selected bank-import; then
  # -Xmx512m: the issue's heap target; a preview of the whole file that answers at all stayed within it.
  # BENCH_BANK_JFR=1 records the run with JFR (profile settings) and summarises it.
  BANK_JVM="-Xmx512m"
  BANK_TITLE="7. bank-import (camt.054 against open invoices)"
  if [ "${BENCH_BANK_JFR:-0}" = 1 ]; then
    BANK_JVM="$BANK_JVM -XX:StartFlightRecording=settings=profile,filename=$(pwd)/$WORK/bank-import.jfr"
    BANK_TITLE="$BANK_TITLE, JFR on"
  fi
  start_service bank-import "$BANK_JVM" && {
    loadgen bank-import "$WORK/70-bank-import.md" --title "$BANK_TITLE" \
      --base-url "$BASE_URL" --db "$DB_URL" --invoices "$BANK_INVOICES" --customers "$BANK_CUSTOMERS" \
      --entries "$BANK_ENTRIES" --book-entries "$BANK_BOOK_ENTRIES" --max-seconds "$BANK_MAX_SECONDS"
    stop_service; RUNS+=(bank-import); } || STATUS=1
  if [ "${BENCH_BANK_JFR:-0}" = 1 ] && [ -s "$WORK/bank-import.jfr" ]; then
    loadgen jfr-summary "$WORK/71-bank-import-profile.md" --title "7. bank-import: where the service's time goes (JFR)" \
      --jfr "$WORK/bank-import.jfr"
  fi
fi

if selected aging; then
  start_service aging "" && {
    loadgen aging "$WORK/80-aging.md" --title "8. aging report (GET /api/v1/reports/aging)" \
      --base-url "$BASE_URL" --db "$DB_URL" --invoices "$AGING_INVOICES" --customers "$AGING_CUSTOMERS" --repeats 5
    stop_service; RUNS+=(aging); } || STATUS=1
fi

# 5. memory: peak heap used (sampled each second) and peak RSS (VmHWM) of every service run above
{
  echo "## 5. memory (service JVM, per service run)"
  echo
  echo "| service run | peak heap used (sampled 1/s) | peak RSS (VmHWM) | samples |"
  echo "|---|---|---|---|"
  for run in "${RUNS[@]}"; do
    f="$WORK/memory-$run.samples"
    peak=$(awk '$2 != "NA" { if ($2 + 0 > m) m = $2 + 0 } END { if (m) printf "%.0f MiB", m / 1048576; else print "n/a" }' "$f" 2>/dev/null || echo n/a)
    hwm=$( { awk '$4 != "NA" { print $4 }' "$f" 2>/dev/null; cat "$WORK/memory-$run.hwm" 2>/dev/null; } \
      | awk '$1 ~ /^[0-9]+$/ { if ($1 > m) m = $1 } END { if (m) printf "%d MiB", m / 1024; else print "n/a" }')
    echo "| $run | $peak | $hwm | $(wc -l <"$f" 2>/dev/null || echo 0) |"
  done
  echo
  echo "- No target in the issue (bank-import: < 512 MB, run with -Xmx512m). Heap used includes garbage not yet collected"
  echo "  (default GC and heap: G1, max heap 1/4 of RAM; bank-import: max heap 512 MiB)."
  echo "  The in-memory engine keeps every record of every instance on the heap (stack.md: ~0.5 MB per instance)."
  echo
} >"$WORK/50-memory.md"

# The results file: one block per run of this script, appended to the day's file
{
  [ -f "$RESULTS" ] || { echo "# Benchmark results, $DATE"; echo; echo "Written by \`bash bench/run.sh\`; see bench/README.md for how to read them."; echo; }
  echo "# Run of $(date '+%Y-%m-%d %H:%M %Z'): ${SELECTED[*]}"
  echo
  echo "| machine | |"
  echo "|---|---|"
  echo "| CPUs (nproc) | $(nproc) |"
  echo "| CPU model | $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1) |"
  echo "| memory | $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) |"
  echo "| JDK | $("$JAVA_HOME/bin/java" -version 2>&1 | sed -n 2p) ($JAVA_HOME) |"
  echo "| PostgreSQL | $(psql -h localhost -U postgres -tAc 'show server_version' 2>/dev/null || echo '?') |"
  echo "| service commit | $(git rev-parse --short HEAD) ($(git rev-parse --abbrev-ref HEAD)) $(git diff --quiet HEAD -- src pom.xml bpmn dmn || echo '+ uncommitted changes') |"
  echo "| load average (1/5/15 min) before / after | $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg) |"
  echo "| wall time of this run | $(( $(date +%s) - STARTED )) s |"
  echo
  for f in "$WORK"/[0-9]*.md; do cat "$f"; done
  echo "Raw files (service logs, memory samples, JFR): \`$WORK/\` (not committed)."
  echo
} >>"$RESULTS.tmp.$$"
cat "$RESULTS.tmp.$$" >>"$RESULTS"; rm -f "$RESULTS.tmp.$$"
psql -h localhost -U postgres -qc "drop database if exists $DB_NAME with (force)" >/dev/null 2>&1 || true

echo
echo "================================================================================"
sed -n "/^# Run of/,\$p" "$RESULTS" | awk 'BEGIN{n=0} /^# Run of/{n++} {a[n]=a[n] $0 "\n"} END{printf "%s", a[n]}'
echo "Results appended to $RESULTS (exit $STATUS: 0 ok, 1 a scenario failed, 3 a scenario could not run)"
exit "$STATUS"
