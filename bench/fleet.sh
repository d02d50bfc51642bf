#!/usr/bin/env bash
# Fleet benchmark: corpus scans through Apache Kafka with N = 1..4 `docgate fleet worker` processes on one machine,
# all ratios in one run. Each N gets its own topic, group and repository names; the time is from the submit until
# the shared PostgreSQL holds every result (group join included: a worker's start-up is not).
# Usage: bench/fleet.sh            CORPORA=24 FILES=150 WORKERS="1 2 3 4" PARTITIONS=12 override
# Uses a running broker/database when DOCGATE_TEST_KAFKA / DOCGATE_TEST_PG_URL are set, else starts its own
# (bin/start-kafka, bin/start-postgres) and stops them at the end. Needs psql (PostgreSQL client) for progress.
# What it does not measure yet: external URL checks by host (issue 19 item 2, not built), so no politeness ceiling.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
CORPORA="${CORPORA:-24}"; FILES="${FILES:-150}"; WORKERS="${WORKERS:-1 2 3 4}"; PARTITIONS="${PARTITIONS:-12}"
work="$(mktemp -d /tmp/docgate-fleet-bench.XXXXXX)"
kafka_dir=""; pg_dir=""
cleanup() {
  if [ -f "$work/pids" ]; then while read -r p; do kill -9 "$p" 2>/dev/null || true; done <"$work/pids"; fi
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
