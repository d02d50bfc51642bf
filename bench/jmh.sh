#!/usr/bin/env bash
# JMH benchmarks of docgate's hot paths (issue #10, item 3): slugging, link extraction (parse), version-mention
# extraction, terminology matching, per-document validation, on documents of CORPUS (default: the shared reference
# corpus). Installs the main project (tests skipped), packages bench/jmh into benchmarks.jar, runs it, and writes
# bench/results/jmh-<date>.json (machine + JMH results) and .txt (machine + table).
#   BUILD=/tmp/x     build folder (main project in BUILD, benchmarks in BUILD/bench; default target/jmh)
#   JMH_ARGS='...'   extra JMH arguments, e.g. JMH_ARGS='ParseBench -p doc=large' (default: every benchmark)
#   MVN_FLAGS='...'  Maven flags (default -o; the first run needs JMH from Maven Central: MVN_FLAGS=)
# The machine is noisy: compare benchmarks of one run, and read the load average recorded in the header.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
corpus="$(readlink -f "${1:-$root/../shared/corpus/vshpere-1019}" || true)"
if [ -z "$corpus" ] || [ ! -d "$corpus" ]; then
  echo "bench/jmh.sh: skipped: no corpus at ${1:-$root/../shared/corpus/vshpere-1019} (give one as the first argument)"
  exit 0
fi
build="${BUILD:-$root/target/jmh}"
mvn_flags="${MVN_FLAGS--o}"
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

echo "bench/jmh.sh: installing docgate (tests skipped) from $root into the local Maven repository" >&2
# shellcheck disable=SC2086
mvn -q -B $mvn_flags -f "$root/pom.xml" install -Dmaven.test.skip=true -Ddocgate.buildDirectory="$build"
echo "bench/jmh.sh: packaging the benchmarks" >&2
# shellcheck disable=SC2086
mvn -q -B $mvn_flags -f "$root/bench/jmh/pom.xml" package -Djmh.buildDirectory="$build/bench"
# Other engineers install docgate into the same ~/.m2: make sure the jar benchmarked is the one just built.
installed="${MAVEN_REPO:-$HOME/.m2/repository}/org/docgate/docgate/0.1.0-SNAPSHOT/docgate-0.1.0-SNAPSHOT.jar"
if ! cmp -s "$installed" "$build/docgate.jar"; then
  echo "bench/jmh.sh: another build installed a different docgate jar meanwhile ($installed); run again" >&2
  exit 3
fi

day="$(date -u +%F)"
out="$root/bench/results"
mkdir -p "$out"
json="$out/jmh-$day.json"
txt="$out/jmh-$day.txt"
log="$(mktemp)"
raw="$(mktemp)"
trap 'rm -f "$log" "$raw"' EXIT

machine() {
  echo "date: $(date -u '+%F %T') UTC"
  echo "commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src pom.xml || echo ' (+ local changes)')"
  echo "cpus: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "java: $("$java" -version 2>&1 | sed -n 2p)"
  echo "corpus: $corpus ($(find "$corpus" -name '*.md' | wc -l) Markdown files)"
}
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started=$(date +%s)
# shellcheck disable=SC2086
"$java" -Ddocgate.corpus="$corpus" -jar "$build/bench/benchmarks.jar" -rf json -rff "$raw" ${JMH_ARGS:-} 2>&1 \
  | tee "$log"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
minutes=$(( ($(date +%s) - started + 59) / 60 ))

{
  machine
  echo "load average (1, 5, 15 min): $load_before before, $load_after after (${minutes} min run)"
  # shellcheck disable=SC2016
  echo "command: bench/jmh.sh${1:+ $1}${JMH_ARGS:+ (JMH_ARGS='$JMH_ARGS')}"
  echo
  echo "Inputs (from each benchmark's setup; index and first-validation times show the load):"
  grep -a '^\[setup\]' "$log" | sort -u | sed 's/^\[setup\] /  /'
  echo
  sed -n '/^Benchmark /,$p' "$log" | grep -v '^Benchmark result is saved'
} >"$txt"

MACHINE="$(machine; echo "load: $load_before before, $load_after after")" python3 - "$raw" "$json" <<'PY'
import json, os, sys
results = json.load(open(sys.argv[1]))
machine = dict(line.split(": ", 1) for line in os.environ["MACHINE"].splitlines())
json.dump({"machine": machine, "benchmarks": results}, open(sys.argv[2], "w"), indent=2, ensure_ascii=False)
PY
# The mean is what JMH reports; on a shared machine the best iteration is the one least disturbed by others.
python3 - "$json" >>"$txt" <<'PY'
import json, sys
rows = json.load(open(sys.argv[1]))["benchmarks"]
print("\nBest iteration of each benchmark (the least disturbed by other processes):")
for b in rows:
    m = b["primaryMetric"]
    params = " ".join(b.get("params", {}).values())
    best = min(x for it in m["rawData"] for x in it)
    print(f"  {b['benchmark'].removeprefix('org.docgate.'):48} {params:22} {best:>14,.1f} {m['scoreUnit']}")
PY
echo "bench/jmh.sh: wrote $txt and $json" >&2
cat "$txt"
