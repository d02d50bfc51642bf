#!/usr/bin/env bash
# Fleet benchmark: corpus scans through Apache Kafka with N = 1..4 `docgate fleet worker` processes on one machine,
# all ratios in one run. Each N gets its own topic, group and repository names; the time is from the submit until
# the shared PostgreSQL holds every result (group join included: a worker's start-up is not).
# Usage: bench/fleet.sh            CORPORA=24 FILES=150 WORKERS="1 2 3 4" PARTITIONS=12 override
# Uses a running broker/database when DOCGATE_TEST_KAFKA / DOCGATE_TEST_PG_URL are set, else starts its own
# (bin/start-kafka, bin/start-postgres) and stops them at the end. Needs psql (PostgreSQL client) for progress.
#
# MODE=urls: external URLs as fleet work keyed by host. HOSTS loopback hosts (127.0.1.1..) answer after LATENCY_MS;
# per run, CORPORA corpora hold URLS distinct URLs over all hosts; each worker may have CONCURRENCY requests in flight,
# each host 1 in flight and INTERVAL_MS between starts. Per N: rate, ratio to N = 1, the politeness ceiling
# min(N x CONCURRENCY / latency, HOSTS / interval), and the server's counts (distinct URLs requested, duplicates, most
# in flight per host, shortest start-to-start gap per host).
#   MODE=urls bench/fleet.sh    HOSTS=100 LATENCY_MS=50 CORPORA=20 URLS=10000 CONCURRENCY=8 INTERVAL_MS=250
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
CORPORA="${CORPORA:-24}"; FILES="${FILES:-150}"; WORKERS="${WORKERS:-1 2 3 4}"; PARTITIONS="${PARTITIONS:-12}"
work="$(mktemp -d /tmp/docgate-fleet-bench.XXXXXX)"
kafka_dir=""; pg_dir=""
cleanup() {
  if [ -f "$work/pids" ]; then while read -r p; do kill -9 "$p" 2>/dev/null || true; done <"$work/pids"; fi
  if [ -f "$work/server.pid" ]; then kill "$(cat "$work/server.pid")" 2>/dev/null || true; fi
  if [ -n "$kafka_dir" ]; then "$root/bin/start-kafka" --stop "$kafka_dir" || true; fi
  if [ -n "$pg_dir" ]; then "$root/bin/start-postgres" --stop "$pg_dir" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
psql_bin="$(command -v psql || find /usr/lib/postgresql -path '*/bin/psql' 2>/dev/null | sort -V | tail -1)"
[ -x "$psql_bin" ] || { echo "bench/fleet.sh: psql not found" >&2; exit 2; }

brokers="${DOCGATE_TEST_KAFKA:-}"
if [ -z "$brokers" ]; then
  brokers="$("$root/bin/start-kafka" 2>"$work/kafka.err")"
  kafka_dir="$(sed -n 's/.* dir \([^ ]*\) .*/\1/p' "$work/kafka.err")"
fi
db="${DOCGATE_TEST_PG_URL:-}"
if [ -z "$db" ]; then
  db="$("$root/bin/start-postgres" 2>"$work/pg.err")"
  pg_dir="$(sed -n 's/.*cluster \([^ ]*\) .*/\1/p' "$work/pg.err")"
fi
# jdbc:postgresql://host:port/db?user=u -> postgresql://u@host:port/db for psql
pg="$(python3 -c 'import sys,re; m=re.match(r"jdbc:postgresql://([^/]+)/([^?]+)(?:\?(.*))?", sys.argv[1]); q=dict(p.split("=",1) for p in (m.group(3) or "").split("&") if "=" in p); print("postgresql://%s%s/%s" % (q["user"]+"@" if "user" in q else "", m.group(1), m.group(2)))' "$db")"
"$root/bin/docgate" --version >/dev/null # build the jar before timing anything
jar="$root/target/docgate.jar"
. "$root/bin/find-jdk.sh"

if [ "${MODE:-corpora}" = urls ]; then
  HOSTS="${HOSTS:-100}"; LATENCY_MS="${LATENCY_MS:-50}"; URLS="${URLS:-10000}"; CONCURRENCY="${CONCURRENCY:-8}"
  INTERVAL_MS="${INTERVAL_MS:-250}"; CORPORA="${CORPORA_URLS:-20}"; URL_PARTITIONS="${URL_PARTITIONS:-48}"
  set="s$$"
  mkfifo "$work/server.in"
  "$JAVA_HOME/bin/java" -cp "$root/target/test-classes" org.docgate.fleet.FleetUrlBench "$work/urls" "$HOSTS" \
    "$LATENCY_MS" "$CORPORA" "$URLS" "$CONCURRENCY" "$INTERVAL_MS" "$set" <"$work/server.in" \
    >"$work/server.log" 2>&1 &
  echo "$!" >"$work/server.pid"
  exec 8>"$work/server.in"
  for _ in $(seq 1 600); do [ -f "$work/urls/ready" ] && break; sleep 0.2; done
  [ -f "$work/urls/ready" ] || { echo "bench/fleet.sh: the loopback hosts did not start" >&2; cat "$work/server.log" >&2; exit 2; }
  sql() { "$psql_bin" "$pg" -tAc "$1" 2>/dev/null; }
  worker() { # run-name id extra-options...: one worker on the run's topics, pid appended to $work/pids
    local run=$1 id=$2; shift 2
    "$JAVA_HOME/bin/java" -Xmx384m -jar "$jar" fleet worker --brokers "$brokers" --topic "docgate.bench.$set.corpora" \
      --group "bench-$run" --partitions "$PARTITIONS" --url-partitions "$URL_PARTITIONS" --db "$db" \
      --host-state-topic "docgate.bench.$run.host-state" --worker-id "$id" --work-dir "$work/w" \
      --rules "$work/urls/rules" --metrics-port -1 "$@" >"$work/$id.log" 2>&1 &
    echo "$!" >>"$work/pids"
  }
  await_consuming() { for _ in $(seq 1 600); do grep -q "consuming" "$work/$1.log" 2>/dev/null && return; sleep 0.2; done; }
  # 1. The corpora are scanned once, by a scan-only worker: their URLs land in fleet_urls (insert-if-new) and on a
  #    topic nobody consumes. Every run then re-checks all of them, as a due re-check cycle would.
  : >"$work/pids"
  worker "$set" "$set-scanner" --urls-topic "docgate.bench.$set.staged" --no-url-checks
  await_consuming "$set-scanner"
  "$JAVA_HOME/bin/java" -jar "$jar" fleet submit --brokers "$brokers" --topic "docgate.bench.$set.corpora" \
    --partitions "$PARTITIONS" --name-prefix "$set-" "$work/urls/$set"/c* >/dev/null
  t0=$(date +%s.%N)
  until [ "$(sql "SELECT COUNT(*) FROM fleet_repositories WHERE repository LIKE '$set-%'")" -ge "$CORPORA" ]; do sleep 0.5; done
  echo "scanned $CORPORA corpora ($(sql "SELECT COUNT(*) FROM fleet_urls WHERE url LIKE '%/$set/page/%'") URLs registered) in $(python3 -c "print(round($(date +%s.%N) - $t0, 1))") s (one scan-only worker)"
  while read -r p; do kill "$p" 2>/dev/null || true; done <"$work/pids"
  while read -r p; do wait "$p" 2>/dev/null || true; done <"$work/pids"
  printf '| workers | wall s | URLs/s | ratio | ceiling/s | of ceiling | distinct = submitted | duplicates | max in flight/host | min gap/host ms | gaps < interval |\n'
  printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
  base=""
  for n in $WORKERS; do
    run="u$n-$$"
    : >"$work/pids"
    for w in $(seq 1 "$n"); do worker "$run" "$run-w$w" --urls-topic "docgate.bench.$run.urls"; done
    for w in $(seq 1 "$n"); do await_consuming "$run-w$w"; done
    sleep 5 # the group settles on the empty topic: every worker owns its partitions before the first URL
    echo reset >&8
    # 2. all URLs due now (bench only: a re-check cycle that came due), one schedule cycle produces them by host
    since="$(sql "UPDATE fleet_urls SET next_check_at = now(), leased_until = NULL WHERE url LIKE '%/$set/page/%'; SELECT now()" | tail -1)"
    start=$(date +%s.%N)
    "$JAVA_HOME/bin/java" -jar "$jar" fleet schedule --once --brokers "$brokers" --db "$db" --group "bench-$run" \
      --topic "docgate.bench.$set.corpora" --urls-topic "docgate.bench.$run.urls" --url-partitions "$URL_PARTITIONS" \
      --host-state-topic "docgate.bench.$run.host-state" >"$work/$run-schedule.log" 2>&1
    until [ "$(sql "SELECT COUNT(*) FROM fleet_urls WHERE url LIKE '%/$set/page/%' AND checked_at >= '$since'")" -ge "$URLS" ]; do sleep 0.5; done
    end=$(date +%s.%N)
    echo "counts $work/$run.counts" >&8
    for _ in $(seq 1 100); do [ -f "$work/$run.counts" ] && break; sleep 0.1; done
    python3 - "$work/$run.counts" "$n" "$start" "$end" "$URLS" "$CONCURRENCY" "$LATENCY_MS" "$HOSTS" "$INTERVAL_MS" \
      "${base:-0}" >"$work/$run.row" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
n, start, end, urls, conc, lat, hosts, interval, base = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), \
    int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8]), int(sys.argv[9]), float(sys.argv[10])
rate = (c["requests"] - 1) / c["spanS"] if c["spanS"] > 0 else 0
ceiling = min(n * conc / (lat / 1000), hosts / (interval / 1000))
base = base or rate
print(f"| {n} | {end - start:.1f} | {rate:.0f} | {rate / base:.2f} | {ceiling:.0f} | {rate / ceiling:.2f} | "
      f"{c['distinct']} = {urls} {'yes' if c['distinct'] == urls else 'NO'} | {c['duplicates']} | "
      f"{c['maxInFlightPerHost']} | {c['minGapMs']:.0f} | {c['gapsBelowInterval']} |")
print(rate)
PY
    head -1 "$work/$run.row"
    [ -z "$base" ] && base="$(tail -1 "$work/$run.row")"
    while read -r p; do kill "$p" 2>/dev/null || true; done <"$work/pids"
    while read -r p; do wait "$p" 2>/dev/null || true; done <"$work/pids"
  done
  exec 8>&-
  wait "$(cat "$work/server.pid")" 2>/dev/null || true
  echo "($URLS URLs in $CORPORA corpora over $HOSTS loopback hosts, $LATENCY_MS ms per answer, each worker" \
    "$CONCURRENCY in flight, per host 1 in flight and $INTERVAL_MS ms between starts; $URL_PARTITIONS URL partitions;" \
    "URLs/s from the server's first to last request; wall from the schedule command to all stored (its JVM start" \
    "included); $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
  exit 0
fi

for i in $(seq 1 "$CORPORA"); do
  dir="$work/corpora/c$i"; mkdir -p "$dir"
  for f in $(seq 1 "$FILES"); do
    printf '# Page %s\n\n## Details\n\nSee [next](p%s.md#details), [start](p1.md) and [gone](missing-%s.md).\n' \
      "$f" "$((f + 1))" "$f" >"$dir/p$f.md"
  done
done

stored() { "$psql_bin" "$pg" -tAc "SELECT COUNT(*) FROM fleet_repositories WHERE repository LIKE '$1-%'" 2>/dev/null || echo 0; }
runs() { "$psql_bin" "$pg" -tAc "SELECT COUNT(*) FROM runs WHERE instance IS NOT NULL AND corpus_id LIKE '$1-%'" 2>/dev/null || echo 0; }
base=""
printf '%-8s %10s %12s %8s %8s %6s\n' workers seconds corpora/s ratio ideal runs
for n in $WORKERS; do
  run="n$n-$$"; topic="docgate.bench.$run"; group="bench-$run"
  : >"$work/pids"
  for w in $(seq 1 "$n"); do
    "$JAVA_HOME/bin/java" -Xmx384m -jar "$jar" fleet worker --brokers "$brokers" --topic "$topic" --group "$group" \
      --partitions "$PARTITIONS" --db "$db" --worker-id "$run-w$w" --work-dir "$work/w" --offline \
      --metrics-port -1 >"$work/$run-w$w.log" 2>&1 &
    echo "$!" >>"$work/pids"
  done
  for w in $(seq 1 "$n"); do
    for _ in $(seq 1 600); do
      grep -q "consuming $topic" "$work/$run-w$w.log" 2>/dev/null && break
      sleep 0.2
    done
  done
  # one submit of every corpus; the clock starts when the broker has them (the submit's JVM start is not timed)
  "$JAVA_HOME/bin/java" -jar "$jar" fleet submit --brokers "$brokers" --topic "$topic" --partitions "$PARTITIONS" \
    --name-prefix "$run-" "$work"/corpora/c* >/dev/null
  start=$(date +%s.%N)
  while [ "$(stored "$run")" -lt "$CORPORA" ]; do sleep 0.5; done
  end=$(date +%s.%N)
  secs=$(python3 -c "print(round($end - $start, 2))")
  rate=$(python3 -c "print(round($CORPORA / ($end - $start), 3))")
  [ -z "$base" ] && base="$rate"
  printf '%-8s %10s %12s %8s %8s %6s\n' "$n" "$secs" "$rate" "$(python3 -c "print(round($rate / $base, 2))")" \
    "$n.00" "$(runs "$run")"
  while read -r p; do kill "$p" 2>/dev/null || true; done <"$work/pids"
  while read -r p; do wait "$p" 2>/dev/null || true; done <"$work/pids"
done
echo "($CORPORA corpora of $FILES files each, $PARTITIONS partitions, $(nproc) cores; submit and group join included)"
