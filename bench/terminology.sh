#!/usr/bin/env bash
# Terminology pass over the shared corpus with ~50 vs ~500 compiled terms: the time should barely change, because
# all terms are one Aho-Corasick automaton walked once per prose run.
#   bench/terminology.sh [CORPUS]        (default: ../shared/corpus/vshpere-1019)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD="${DOCGATE_BUILD:-/tmp/docgate-bench-terms}"
CORPUS="${1:-../shared/corpus/vshpere-1019}"
mvn -q -B -o -Ddocgate.buildDirectory="$BUILD" test-compile
mvn -q -B -o -Ddocgate.buildDirectory="$BUILD" dependency:build-classpath -Dmdep.outputFile="$BUILD/cp.txt" >/dev/null
java -cp "$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/cp.txt")" \
  org.docgate.validate.terminology.TerminologyBench "$CORPUS"
