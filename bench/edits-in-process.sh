#!/usr/bin/env bash
# The service's incremental path in one JVM, without HTTP, the store or the watcher (EditBench): a copy of the corpus
# scanned once, then one-file edits as bench/service.sh makes them, each applied as a file event would be. Prints each
# edit's time; CHECK=1 compares every incremental report with a fresh full scan (findings, stats, metrics).
#   bench/edits-in-process.sh [CORPUS]   EDITS=40 EDIT_WARMUP=10; JAVA_OPTS (e.g. a flight recording)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${DOCGATE_BUILD:-/tmp/docgate-bench-edits}"
CORPUS="$(readlink -f "${1:-../shared/corpus/vshpere-1019}")"
mvn -q -B -o -Ddocgate.buildDirectory="$BUILD" test-compile
[ -f "$BUILD/cp.txt" ] || mvn -q -B -o -Ddocgate.buildDirectory="$BUILD" dependency:build-classpath \
  -Dmdep.outputFile="$BUILD/cp.txt" >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck disable=SC2086
"${JAVA_HOME:-/usr}/bin/java" ${JAVA_OPTS:-} -cp "$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/cp.txt")" \
  org.docgate.service.EditBench "$CORPUS" "$work/corpus" "${EDITS:-40}" "${EDIT_WARMUP:-10}"
