#!/usr/bin/env bash
# The 100,000-file corpus of issue 17: makes a synthetic corpus in /tmp (1,000 folders x 100 small Markdown files, each
# with headings, links to neighbours, one anchor link and one broken link every 50 files), then measures
#   (a) one-shot `docgate scan --offline`: wall time, peak RSS and user + sys CPU (GNU time), the load at its end;
#   (b) `docgate serve --offline` on it: time to the first scan, idle CPU over IDLE seconds after it (utime+stime
#       from /proc/PID/stat), RSS, seconds from one edited file to its stored re-validation, and whether
#       `POST /api/scans` is accepted (202) while idle.
# Environment: FILES (default 100000), IDLE (default 60), WATCH_MODE (auto|events|poll, default auto),
# PARTS (scan,serve; default both), CORPUS (default /tmp/docgate-100k; made once, reused), HISTOGRAM (a file: the
# serve part writes the live heap's class histogram there after the idle period).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
files="${FILES:-100000}"
idle="${IDLE:-60}"
mode="${WATCH_MODE:-auto}"
parts="${PARTS:-scan,serve}"
corpus="${CORPUS:-/tmp/docgate-100k}"
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }

if [ ! -f "$corpus/.complete-$files" ]; then
  echo "bench: making $files files in $corpus" >&2
  rm -rf "$corpus"
  python3 - "$corpus" "$files" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
per = 100
for i in range(n):
    d, f = divmod(i, per)
    folder = os.path.join(root, f"part{d:04d}")
    if f == 0:
        os.makedirs(folder, exist_ok=True)
    nxt = (f + 1) % per
    broken = f"[gone](missing-{i}.md)\n" if i % 50 == 0 else ""
    text = (f"# Page {i}\n\nThis page is number {i} of the synthetic corpus. It links to the "
            f"[next page](page{nxt:03d}.md), to the [index](../part0000/page000.md) and to "
            f"[a section](page{nxt:03d}.md#details).\n\n## Details\n\nSome prose about item {i}, "
            f"with `inline code` and a list:\n\n- one\n- two\n\n{broken}")
    with open(os.path.join(folder, f"page{f:03d}.md"), "w") as out:
        out.write(text)
open(os.path.join(root, f".complete-{n}"), "w").close()
PY
fi
"$root/bin/docgate" --version >/dev/null
# shellcheck source=/dev/null
. "$root/bin/find-jdk.sh" # JAVA_HOME for jcmd
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

if [[ ",$parts," == *,scan,* ]]; then
  set +e
  /usr/bin/time -v -o "$out/time" "$root/bin/docgate" scan "$corpus" --offline --format json \
    --output "$out/report.json" 2>"$out/scan.err"
  code=$?
  set -e
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/time")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time")"
  cpu="$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$out/time")"
  docs="$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["documents"], len(r["findings"]))' \
    "$out/report.json" 2>/dev/null || echo "? ?")"
  printf 'scan\twall %s\tpeak_rss_mb %s\tcpu_s %s\texit %s\tdocuments,findings %s\tload_1m %s\n' "$wall" "$((rss / 1024))" \
    "$cpu" "$code" "$docs" "$(cut -d' ' -f1 /proc/loadavg)"
fi

if [[ ",$parts," == *,serve,* ]]; then
  port=$((20000 + RANDOM % 20000))
  mport=$((port + 1))
  DOCGATE_API_TOKEN=bench-token "$root/bin/docgate" serve "$corpus" --offline --port "$port" --management-port "$mport" --schedule off \
    --watch-mode "$mode" --data "$out/data" >"$out/serve.log" 2>&1 &
  launcher=$!
  trap 'kill "$launcher" 2>/dev/null || true; wait "$launcher" 2>/dev/null || true; rm -rf "$out"' EXIT
  start=$(date +%s.%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ]; do
    kill -0 "$launcher" 2>/dev/null || { echo "bench: serve exited" >&2; cat "$out/serve.log" >&2; exit 1; }
    sleep 1
  done
  first=$(python3 -c "import time; print(round(time.time() - $start, 1))")
  pid="$launcher" # the launcher execs java: same process
  ticks=$(getconf CLK_TCK)
  cpu() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
  sleep 5 # let the first run's store write and its garbage settle
  c0=$(cpu)
  sleep "$idle"
  c1=$(cpu)
  idle_pct=$(python3 -c "print(round(100 * ($c1 - $c0) / $ticks / $idle, 2))")
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  hwm=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  # one edited file: seconds from the write until its re-validation is a stored run (then the file is restored)
  edited="$corpus/part0500/page050.md"
  cp "$edited" "$out/original.md"
  e0=$(date +%s.%N)
  printf '\n[new](missing-new.md)\n' >>"$edited"
  edit_s="timeout"
  for _ in $(seq 1 600); do
    if curl -s "http://127.0.0.1:$port/api/runs?size=1" | grep -q '"trigger":"watch","status":"complete"'; then
      edit_s=$(python3 -c "import time; print(round(time.time() - $e0, 1))")
      break
    fi
    sleep 0.5
  done
  cp "$out/original.md" "$edited"
  post=$(curl -s -o "$out/post" -w '%{http_code}' -X POST -H 'Authorization: Bearer bench-token' "http://127.0.0.1:$port/api/scans")
  ready=$(curl -s "http://127.0.0.1:$port/health/ready")
  if [ -n "${HISTOGRAM:-}" ]; then # the live heap after the first scan (a full collection), top consumers
    "$JAVA_HOME/bin/jcmd" "$pid" GC.class_histogram | head -25 >"$HISTOGRAM" 2>&1 || true
    "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info >>"$HISTOGRAM" 2>&1 || true
  fi
  mode_line="$(grep -m1 'watching:' "$out/serve.log" || echo "watching: ?")"
  printf 'serve\tfirst_scan_s %s\tidle_cpu_pct_of_core %s (over %ss)\trss_mb %s\tpeak_rss_mb %s\tone_edit_to_stored_run_s %s\tpost_api_scans %s\t%s\n' \
    "$first" "$idle_pct" "$idle" "$rss" "$hwm" "$edit_s" "$post" "$(echo "$mode_line" | xargs)"
  printf 'serve\tPOST /api/scans answered %s; /health/ready right after: %s\n' "$(cat "$out/post")" "$ready"
fi
