#!/usr/bin/env bash
# External link checking benchmark (loopback only): URLS distinct URLs over HOSTS loopback hosts (127.0.1.1,
# 127.0.1.2, ...; Linux routes all of 127.0.0.0/8 to lo), every answer delayed DELAY_MS, docgate's per-host limit 4.
# The floor is URLS / (HOSTS x 4) x DELAY_MS = 1.25 s for the defaults. docgate runs as a user would (the jar), so
# the network part is measured as (online run) - (--offline run of the same corpus: JVM start, parse, report).
#
#   bench/external-links.sh [OUT_DIR]     URLS=10000 HOSTS=100 DELAY_MS=50 RUNS=3 MLC_FILES=10
#   BUILD=/tmp/mybuild bench/external-links.sh      (build directory, for parallel builds of one checkout)
#
# Also times markdown-link-check (../shared/bench/peers, when installed) on the first MLC_FILES files (100 URLs
# each) of the same corpus, against the same servers. The servers stop by themselves after 15 minutes at most.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
out="$(mkdir -p "${1:-$root/bench/out/external-links}" && cd "${1:-$root/bench/out/external-links}" && pwd)"
URLS="${URLS:-10000}" HOSTS="${HOSTS:-100}" DELAY_MS="${DELAY_MS:-50}" RUNS="${RUNS:-3}" MLC_FILES="${MLC_FILES:-10}"
BUILD="${BUILD:-$root/target}"
# shellcheck source=../bin/find-jdk.sh
. "$root/bin/find-jdk.sh"
java="$JAVA_HOME/bin/java"

if [ ! -f "$BUILD/docgate.jar" ] || [ ! -f "$BUILD/test-classes/org/docgate/validate/weblinks/ExternalLinkBench.class" ]; then
  (cd "$root" && mvn -q -B -Ddocgate.buildDirectory="$BUILD" -DskipTests package) >&2
fi
rm -rf "${out:?}"/{corpus,rules-nocache,rules-cache,cache,ready,requests,mlc,docgate.jsa}
mkfifo "$out/stdin.$$"
"$java" -cp "$BUILD/test-classes" org.docgate.validate.weblinks.ExternalLinkBench \
  "$out" "$URLS" "$HOSTS" "$DELAY_MS" 900 < "$out/stdin.$$" > "$out/server.log" 2>&1 &
server=$!
exec 9> "$out/stdin.$$"     # holding the pipe open keeps the servers up; closing it stops them
rm -f "$out/stdin.$$"
trap 'exec 9>&-; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do [ -f "$out/ready" ] && break; sleep 0.1; done
[ -f "$out/ready" ] || { echo "bench: servers did not start" >&2; cat "$out/server.log" >&2; exit 2; }

server_ticks() { # the servers' CPU so far (user + system, clock ticks), read from /proc: their share of each run
  awk '{ print $14 + $15 }' "/proc/$server/stat" 2>/dev/null || echo 0
}
timed() { # label, then the command: prints "label wall_s max_rss_kb user_s sys_s exit server_cpu_ms"
  local label=$1; shift
  local rc=0 s0 s1
  s0=$(server_ticks)
  /usr/bin/time -f "%e %M %U %S" -o "$out/time.txt" "$@" > "$out/$label.json" 2> "$out/$label.err" || rc=$?
  s1=$(server_ticks)
  echo "$label $(tail -n 1 "$out/time.txt") $rc $(( (s1 - s0) * 1000 / $(getconf CLK_TCK) ))"
}
# the launcher's JVM options for scan (bin/docgate): a class-data-sharing archive, created by the first (untimed)
# run, and its tuning (C1 only, the serial collector). Without the tuning these runs had C2 and G1, which no user
# gets: bin/docgate gives them, and `java -jar docgate.jar scan` restarts itself with them (OneShotJvm) unless a JVM
# option such as the archive's is given, as here. TUNING='' measures the JVM defaults.
cds=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$out/docgate.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
read -r -a tuning <<< "${TUNING--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ReservedCodeCacheSize=240m -XX:MaxNewSize=96m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40}"
scan=("$java" "${cds[@]}" "${tuning[@]}" -jar "$BUILD/docgate.jar" scan "$out/corpus" --only weblinks --format json)
"${scan[@]}" --rules "$out/rules-nocache" > /dev/null 2>&1 || true   # warm-up: writes the archive

results="$out/results.txt"; : > "$results"
timed offline "${scan[@]}" --rules "$out/rules-nocache" --offline >> "$results"
for i in $(seq 1 "$RUNS"); do timed "online-$i" "${scan[@]}" --rules "$out/rules-nocache" >> "$results"; done
timed cache-fill "${scan[@]}" --rules "$out/rules-cache" >> "$results"
timed cache-hit "${scan[@]}" --rules "$out/rules-cache" >> "$results"

mlc="${PEERS:-${XDG_CACHE_HOME:-$HOME/.cache}/docgate-peers}/node_modules/.bin/markdown-link-check"
if [ -x "$mlc" ] && [ "$MLC_FILES" -gt 0 ]; then
  mkdir -p "$out/mlc"
  find "$out/corpus" -name 'links-*.md' | sort | head -n "$MLC_FILES" | xargs -I{} cp {} "$out/mlc/"
  timed markdown-link-check "$mlc" -q "$out/mlc" >> "$results"
fi
exec 9>&-
wait "$server" 2>/dev/null || true
trap - EXIT

python3 - "$results" "$out" "$URLS" "$HOSTS" "$DELAY_MS" "$MLC_FILES" <<'PY'
import json, sys, os
res, out, urls, hosts, delay, mlc_files = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
rows = {}
for line in open(res):
    label, wall, rss, usr, sys_, rc, srv = line.split()
    rows[label] = (float(wall), int(rss), int(rc), float(usr) + float(sys_), int(srv))
floor = urls / (hosts * 4) * delay / 1000
base = rows["offline"][0]
online = sorted(v for k, v in rows.items() if k.startswith("online-"))
best = min(w for w, _, _, _, _ in online)
def stats(label):
    try:
        s = json.load(open(os.path.join(out, label + ".json")))["stats"]["weblinks"]
        return s["links"].get("ok", 0), s.get("http", {}).get("requests", 0), s.get("http", {}).get("millis")
    except Exception as e:
        return None, None, None
print(f"external links: {urls} URLs over {hosts} loopback hosts, {delay} ms per answer, per-host limit 4")
print(f"floor (network part): {floor:.2f} s")
print("wall - offline = network part as a user sees it; check s = docgate's own timing of the check phase")
print("cpu ms/req = (run's CPU - offline run's CPU) / requests; server ms/req = the servers' CPU during the run "
      "/ requests")
print(f"{'run':<20}{'wall s':>8}{'cpu s':>7}{'net s':>7}{'check s':>8}{'x floor':>8}{'peak RSS MB':>12}"
      f"{'ok links':>9}{'requests':>9}{'cpu ms/req':>11}{'server s':>9}{'server ms/req':>14}")
base_cpu = rows["offline"][3]
for label, (wall, rss, rc, cpu, srv) in rows.items():
    ok, req, ms = stats(label) if label != "markdown-link-check" else (None, None, None)
    net = wall - base if label not in ("offline", "markdown-link-check") else None
    chk = ms / 1000 if ms is not None else None
    print(f"{label:<20}{wall:>8.2f}{cpu:>7.1f}{(f'{net:.2f}' if net is not None else '-'):>7}"
          f"{(f'{chk:.2f}' if chk is not None else '-'):>8}"
          f"{(f'{chk / floor:.2f}' if chk is not None else '-'):>8}{rss / 1024:>12.0f}"
          f"{(ok if ok is not None else '-'):>9}{(req if req is not None else '-'):>9}"
          f"{(f'{(cpu - base_cpu) * 1000 / req:.3f}' if req else '-'):>11}{srv / 1000:>9.2f}"
          f"{(f'{srv / req:.3f}' if req else '-'):>14}")
try:
    served, server_cpu = open(os.path.join(out, "requests")).read().split()
    print(f"servers: {served} requests answered, {int(server_cpu) / 1000:.1f} s CPU (same 2-core machine)")
except Exception:
    pass
checks = [stats(k)[2] for k in rows if k.startswith("online-")]
checks = [c / 1000 for c in checks if c is not None]
print(f"best online: wall - offline {best - base:.2f} s = {(best - base) / floor:.2f} x floor; check phase "
      f"{min(checks):.2f} s = {min(checks) / floor:.2f} x floor (goal: within 1.5 x)")
if "markdown-link-check" in rows:
    w = rows["markdown-link-check"][0]
    n = mlc_files * 100
    print(f"markdown-link-check: {n} URLs in {w:.1f} s -> {w * urls / n:.0f} s extrapolated to {urls} "
          f"(exit {rows['markdown-link-check'][2]}); docgate's network part for all {urls}: {best - base:.2f} s")
PY
