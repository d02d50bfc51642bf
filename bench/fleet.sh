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
# min(N x CONCURRENCY / latency, HOSTS / (interval + latency)) (a host's interval runs from one answer to the next
# start), and the server's counts (distinct URLs requested, duplicates, most in flight per host, shortest
# start-to-start gap per host).
#   MODE=urls bench/fleet.sh    HOSTS=100 LATENCY_MS=50 CORPORA=20 URLS=10000 CONCURRENCY=8 INTERVAL_MS=250
# Per N also, from the store (checked_by): the share of the URLs the busiest worker checked (hosts are placed on
# partitions by balance, org.docgate.fleet.HostSlots, so it is 1/N give or take a host) and the rate while every
# worker still had work (from the first result to the first worker's last one: the fleet's capacity with a backlog
# for all).
# FAILOVER=kill|term (with e.g. WORKERS=3): once FAIL_AT of the URLs are stored, worker 1 gets SIGKILL or SIGTERM;
# then, for the hosts it had checked, the time from the signal to the first and to the last of them with a result
# stored by another worker (its partitions taken over), and its URLs checked twice (server-side duplicates).
# WORKER_OPTS are added to every worker's options (e.g. --session-timeout 6000), WORKER_JAVA_OPTS to its JVM's.
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
    # shellcheck disable=SC2086 # WORKER_JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=DIR/ to profile) and
    # WORKER_OPTS (e.g. --session-timeout 6000) are word lists
    "$JAVA_HOME/bin/java" -Xmx384m ${WORKER_JAVA_OPTS:-} -jar "$jar" fleet worker --brokers "$brokers" --topic "docgate.bench.$set.corpora" \
      --group "bench-$run" --partitions "$PARTITIONS" --url-partitions "$URL_PARTITIONS" --db "$db" \
      --host-state-topic "docgate.bench.$run.host-state" --worker-id "$id" --work-dir "$work/w" \
      --rules "$work/urls/rules" --metrics-port -1 ${WORKER_OPTS:-} "$@" >"$work/$id.log" 2>&1 &
    echo "$!" >>"$work/pids"
  }
  cpu_ticks() { # user + system clock ticks of the workers alive now (one gone is not counted: FAILOVER prints no CPU)
    local t=0 p
    while read -r p; do
      [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat")))
    done <"$work/pids"
    echo "$t"
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
  printf '| workers | wall s | URLs/s | ratio | ceiling/s | of ceiling | worker CPU ms/URL | busiest worker | URLs/s all busy | ratio all busy | distinct = submitted | duplicates | max in flight/host | min gap/host ms | gaps < interval | load |\n'
  printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
  FAILOVER="${FAILOVER:-}"; FAIL_AT="${FAIL_AT:-0.3}"
  # BASE_RATE / BASE_BUSY: the N = 1 rates of an earlier run, when N > 1 runs in another invocation (a locked
  # benchmark run is kept under 10 minutes)
  base="${BASE_RATE:-}"; base_busy="${BASE_BUSY:-}"
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
    cpu0="$(cpu_ticks)"
    "$JAVA_HOME/bin/java" -jar "$jar" fleet schedule --once --brokers "$brokers" --db "$db" --group "bench-$run" \
      --topic "docgate.bench.$set.corpora" --urls-topic "docgate.bench.$run.urls" --url-partitions "$URL_PARTITIONS" \
      --host-state-topic "docgate.bench.$run.host-state" >"$work/$run-schedule.log" 2>&1
    signalled=""; exited=""
    while true; do
      if [ -n "$signalled" ] && [ -z "$exited" ] && ! kill -0 "$(head -1 "$work/pids")" 2>/dev/null; then
        exited="$(date +%s.%N)"
      fi
      done_urls="$(sql "SELECT COUNT(*) FROM fleet_urls WHERE url LIKE '%/$set/page/%' AND checked_at >= '$since'")"
      [ "$done_urls" -ge "$URLS" ] && break
      if [ -n "$FAILOVER" ] && [ -z "$signalled" ] && [ "$done_urls" -ge "$(python3 -c "print(int($FAIL_AT * $URLS))")" ]; then
        signalled="$(date +%s.%N)"
        kill "$([ "$FAILOVER" = kill ] && echo -9 || echo -TERM)" "$(head -1 "$work/pids")"
      fi
      sleep 0.5
    done
    end=$(date +%s.%N)
    cpu1="$(cpu_ticks)"
    echo "counts $work/$run.counts" >&8
    for _ in $(seq 1 100); do [ -f "$work/$run.counts" ] && break; sleep 0.1; done
    urls_of="url LIKE '%/$set/page/%' AND checked_at >= '$since'"
    # while every worker had work: from the first result to the first worker's last one
    busy="$(sql "WITH w AS (SELECT checked_by, COUNT(*) n, MIN(checked_at) a, MAX(checked_at) b FROM fleet_urls
      WHERE $urls_of GROUP BY checked_by), t AS (SELECT MIN(a) a, MIN(b) b, MAX(n)::float / SUM(n) share FROM w)
      SELECT (SELECT COUNT(*) FROM fleet_urls, t WHERE $urls_of AND checked_at <= t.b),
             EXTRACT(EPOCH FROM t.b - t.a), t.share FROM t")"
    python3 - "$work/$run.counts" "$n" "$start" "$end" "$URLS" "$CONCURRENCY" "$LATENCY_MS" "$HOSTS" "$INTERVAL_MS" \
      "${base:-0}" "${base_busy:-0}" "$busy" "$(cut -d' ' -f1 /proc/loadavg)" \
      "$(python3 -c "print($cpu1 - $cpu0 if '$FAILOVER' == '' else -1)")" "$(getconf CLK_TCK)" >"$work/$run.row" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
n, start, end, urls, conc, lat, hosts, interval, base, base_busy = int(sys.argv[2]), float(sys.argv[3]), \
    float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), int(sys.argv[8]), int(sys.argv[9]), \
    float(sys.argv[10]), float(sys.argv[11])
busy_n, busy_s, share = sys.argv[12].split("|")
busy_rate = (int(busy_n) - 1) / float(busy_s) if float(busy_s) > 0 else 0
rate = (c["requests"] - 1) / c["spanS"] if c["spanS"] > 0 else 0
# the interval runs from the end of one answer to the next start, so a host takes one request per interval + latency
ceiling = min(n * conc / (lat / 1000), hosts / ((interval + lat) / 1000))
base = base or rate
base_busy = base_busy or busy_rate
cpu = int(sys.argv[14]) / int(sys.argv[15]) * 1000 / urls if int(sys.argv[14]) >= 0 else None
print(f"| {n} | {end - start:.1f} | {rate:.0f} | {rate / base:.2f} | {ceiling:.0f} | {rate / ceiling:.2f} | "
      f"{'-' if cpu is None else f'{cpu:.1f}'} | {float(share):.2f} | {busy_rate:.0f} | {busy_rate / base_busy:.2f} | "
      f"{c['distinct']} = {urls} {'yes' if c['distinct'] == urls else 'NO'} | {c['duplicates']} | "
      f"{c['maxInFlightPerHost']} | {c['minGapMs']:.0f} | {c['gapsBelowInterval']} | {sys.argv[13]} |")
print(rate)
print(busy_rate)
PY
    head -1 "$work/$run.row"
    if [ -z "$base" ]; then
      base="$(sed -n 2p "$work/$run.row")"; base_busy="$(sed -n 3p "$work/$run.row")"
      echo "(N = $n rates, for a later run's BASE_RATE=$base BASE_BUSY=$base_busy)" >&2
    fi
    if [ -n "$signalled" ]; then
      # a SIGTERM'd worker gives up its checks not started, finishes those in flight, commits and leaves the group
      for _ in $(seq 1 1500); do [ -n "$exited" ] && break; kill -0 "$(head -1 "$work/pids")" 2>/dev/null || exited="$(date +%s.%N)"; sleep 0.2; done
      echo "worker 1 exited $(python3 -c "print(round(${exited:-0} - $signalled, 1) if '$exited' else 'not within 300')") s after the signal"
      # the victim's hosts (it stored a result for them) and, per host, the first result another worker stored after
      # the signal: the first and the last of those are when its partitions began to be and were all taken over
      sql "WITH v AS (SELECT DISTINCT host FROM fleet_urls WHERE $urls_of AND checked_by = '$run-w1'),
        f AS (SELECT u.host, MIN(u.checked_at) t FROM fleet_urls u JOIN v ON u.host = v.host
              WHERE u.url LIKE '%/$set/page/%' AND u.checked_at >= to_timestamp($signalled) AND u.checked_by <> '$run-w1'
              GROUP BY u.host),
        l AS (SELECT MAX(checked_at) t FROM fleet_urls WHERE $urls_of AND checked_by = '$run-w1')
        SELECT (SELECT COUNT(*) FROM v), (SELECT COUNT(*) FROM f),
          EXTRACT(EPOCH FROM MIN(f.t)) - $signalled, EXTRACT(EPOCH FROM MAX(f.t)) - $signalled,
          EXTRACT(EPOCH FROM (SELECT t FROM l)) - $signalled FROM f" | python3 -c "
import sys
hosts, taken, first, last, own = sys.stdin.read().strip().split('|')
s = lambda v: f'{float(v):.1f} s' if v else 'none'
print(f'failover ($FAILOVER of worker 1 at {float($FAIL_AT):.0%} stored): its {hosts} hosts, {taken} taken over;'
      f' first result by another worker for them after the signal: {s(first)}, last host taken over: {s(last)};'
      f' its own last result: {s(own)} after the signal')"
    fi
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
    # shellcheck disable=SC2086 # WORKER_JAVA_OPTS (e.g. -XX:StartFlightRecording=filename=DIR/ to profile) and
    # WORKER_OPTS (e.g. --session-timeout 6000) are word lists
    "$JAVA_HOME/bin/java" -Xmx384m ${WORKER_JAVA_OPTS:-} -jar "$jar" fleet worker --brokers "$brokers" --topic "$topic" --group "$group" \
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
