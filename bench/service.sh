#!/usr/bin/env bash
# Service benchmarks: warm full re-scans inside the running service, incremental re-validation over 50 edits, and
# API load (wrk: 50 connections for 30 s on /api/runs/{id}/findings while full re-scans run back to back).
# Usage: bench/service.sh [CORPUS]   (default ../shared/corpus/vshpere-1019; the corpus is copied, never edited)
# Needs curl, python3 and wrk (Debian: apt-get install wrk). EDITS=50 EDIT_WARMUP=5 LOAD_SECONDS=30 RESCANS=10 WARMUP=3
# override (EDIT_WARMUP edits to other files come first and are printed apart: the JIT compiles the incremental path);
# PARTS="rescans edits load" (the default) picks what runs: PARTS=edits measures only the incremental path.
# A warm full re-scan re-validates every document; files whose size and mtime did not change are not parsed again.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
corpus="$(readlink -f "${1:-$root/../shared/corpus/vshpere-1019}")"
PARTS=" ${PARTS:-rescans edits load} "; EDITS="${EDITS:-50}"; EDIT_WARMUP="${EDIT_WARMUP:-5}"; LOAD_SECONDS="${LOAD_SECONDS:-30}"; RESCANS="${RESCANS:-10}"; WARMUP="${WARMUP:-3}"
command -v wrk >/dev/null || { echo "bench/service.sh: wrk not installed (apt-get install wrk)" >&2; exit 2; }
work="$(mktemp -d)"
# serve() runs in a process substitution (a subshell), so the services' process ids go to a file, not a variable:
# a variable set there never reached this cleanup, and every run left its services running.
cleanup() {
  if [ -f "$work/pids" ]; then while read -r p; do kill "$p" 2>/dev/null || true; done < "$work/pids"; fi
  sleep 1; rm -rf "$work"
}
trap cleanup EXIT
cp -r "$corpus" "$work/corpus"
"$root/bin/docgate" --version >/dev/null   # build the jar before timing anything

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
export DOCGATE_API_TOKEN="${DOCGATE_API_TOKEN:-bench-$$}" # POST /api/scans is off without a token
scan_now() { curl -fs -o /dev/null -X POST -H "Authorization: Bearer $DOCGATE_API_TOKEN" "http://127.0.0.1:$1/api/scans"; }
serve() { # name, extra args...
  local name="$1"; shift
  local port; port="$(free_port)"; local mport; mport="$(free_port)"
  "$root/bin/docgate" serve "$work/corpus" --data "$work/data-$name" --port "$port" --management-port "$mport" \
    --offline --schedule off "$@" >"$work/$name.log" 2>&1 &
  echo "$!" >> "$work/pids"
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && { echo "$port $mport"; return; }
    sleep 0.2
  done
  echo "service $name did not become ready; log:" >&2; tail -20 "$work/$name.log" >&2; exit 1
}
# id and status of the newest run, with curl and sed only: the poll must not load the 2 cores it measures
latest() { curl -fs "http://127.0.0.1:$1/api/runs?size=1" | sed -E 's/^[^{]*\{[^{]*\{"id":([0-9]+),"trigger":"[a-z]+","status":"([a-z]+)".*/\1 \2/'; echo; }
run_ms() { # port id -> server-side duration of the run in ms
  curl -fs "http://127.0.0.1:$1/api/runs/$2" | python3 -c '
import json,sys,datetime
d=json.load(sys.stdin)
p=lambda s: datetime.datetime.fromisoformat(s.replace("Z","+00:00"))
print(round((p(d["finishedAt"])-p(d["startedAt"])).total_seconds()*1000,1))'
}
await_after() { # port id: wait until a complete run newer than id exists; prints its id
  for _ in $(seq 1 3000); do
    read -r id status < <(latest "$1")
    if [ "$id" -gt "$2" ] && [ "$status" = complete ]; then echo "$id"; return; fi
    sleep "${POLL:-0.02}"
  done
  echo "timed out waiting for a run after $2" >&2; exit 1
}
percentiles() { python3 -c '
import sys,statistics
v=sorted(float(x) for x in sys.stdin.read().split())
q=lambda p: v[min(len(v)-1,int(round(p*(len(v)-1))))]
print(f"n={len(v)} p50={q(0.5):.1f} p95={q(0.95):.1f} max={v[-1]:.1f}")'; }

echo "# docgate service benchmarks, $(date -u +%FT%TZ), $(nproc) cores, corpus $corpus ($(find "$corpus" -name '*.md' | wc -l) .md)"
for only in links all; do
  case "$PARTS" in *" rescans "*) ;; *) continue ;; esac
  if [ "$only" = links ]; then read -r port _ < <(serve links --only links --watch 0); else read -r port _ < <(serve all --watch 0); fi
  durations=()
  for i in $(seq 1 $((WARMUP + RESCANS))); do
    read -r before _ < <(latest "$port")
    scan_now "$port"
    id="$(POLL=0.05 await_after "$port" "$before")"
    [ "$i" -le "$WARMUP" ] || durations+=("$(run_ms "$port" "$id")")
  done
  echo "warm full re-scan ($only, ms, server-side, after $WARMUP warm-up scans): $(printf '%s\n' "${durations[@]}" | percentiles)"
done

read -r port mport < <(serve watch --watch 100)
files=()
while IFS= read -r f; do files+=("$f"); done < <(cd "$work/corpus" && find . -name '*.md' | sort | awk 'NR % 9 == 1' | head -n "$EDITS")
warm=()
while IFS= read -r f; do warm+=("$f"); done < <(cd "$work/corpus" && find . -name '*.md' | sort | awk 'NR % 9 == 5' | head -n "$EDIT_WARMUP")
server=(); wall=(); cold=()
# CPU time of the service (user + sys, all its threads) over the measured edits: on 2 shared cores the server-side
# times follow the machine's load, the CPU an edit costs much less so
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$(tail -1 "$work/pids")/stat"; }
for i in $(seq $((-EDIT_WARMUP)) $((EDITS - 1))); do
  [ "$i" -ne 0 ] || cpu0="$(cpu_ms)"
  if [ "$i" -lt 0 ]; then f="$work/corpus/${warm[$((EDIT_WARMUP + i))]}"; else f="$work/corpus/${files[$((i % ${#files[@]}))]}"; fi
  read -r before _ < <(latest "$port")
  t0=$(date +%s%N)
  printf '\n[edit %s](missing-%s.md)\n' "$i" "$i" >> "$f"
  id="$(await_after "$port" "$before")"
  t1=$(date +%s%N)
  if [ "$i" -lt 0 ]; then cold+=("$(run_ms "$port" "$id")"); continue; fi
  wall+=("$(( (t1 - t0) / 1000000 ))")
  server+=("$(run_ms "$port" "$id")")
done
[ "$EDIT_WARMUP" -eq 0 ] || echo "incremental, the first $EDIT_WARMUP edits after the start scan (JIT warm-up, not counted below; server-side ms): ${cold[*]}"
echo "incremental, one edited file -> stored run (server-side re-validation ms): $(printf '%s\n' "${server[@]}" | percentiles)"
echo "incremental, service CPU (user + sys) per measured edit, ms: $(( ($(cpu_ms) - cpu0) / EDITS ))"
echo "incremental, write -> visible in /api/runs (wall ms, includes the 100 ms poll + 100 ms quiet period): $(printf '%s\n' "${wall[@]}" | percentiles)"
curl -fs "http://127.0.0.1:$mport/metrics" | grep -E '^docgate_link_validity_ratio' | head -1

case "$PARTS" in *" load "*) ;; *) exit 0 ;; esac
read -r run _ < <(latest "$port")
( end=$((SECONDS + LOAD_SECONDS)); n=0
  while [ $SECONDS -lt $end ]; do
    scan_now "$port" && n=$((n + 1)); sleep 0.5
  done; echo "full re-scans requested during the load: $n" ) &
rescans=$!
wrk -t2 -c50 -d"${LOAD_SECONDS}s" --latency "http://127.0.0.1:$port/api/runs/$run/findings?size=100" | sed 's/^/  /'
wait "$rescans"
echo "runs stored: $(curl -fs "http://127.0.0.1:$port/api/runs?size=1" | json 'd["total"]')"
