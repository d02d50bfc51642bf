#!/usr/bin/env bash
# Times one full docgate scan of CORPUS (default: the shared reference corpus) RUNS times (default 3):
# wall clock and peak RSS from GNU time, plus the finding counts. Builds the jar first if needed.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
corpus="${1:-$root/../shared/corpus/vshpere-1019}"
runs="${RUNS:-3}"
[ -d "$corpus" ] || { echo "bench: no corpus at $corpus" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (apt-get install time)" >&2; exit 2; }
"$root/bin/docgate" --version >/dev/null
out="$(mktemp -d)"
printf 'run\twall_s\tmax_rss_mb\texit\n'
for i in $(seq 1 "$runs"); do
  set +e
  /usr/bin/time -f '%e %M' -o "$out/time" "$root/bin/docgate" scan "$corpus" --format json --output "$out/report.json"
  code=$?
  set -e
  read -r wall rss < <(tail -n 1 "$out/time")
  printf '%s\t%s\t%s\t%s\n' "$i" "$wall" "$((rss / 1024))" "$code"
done
python3 - "$out/report.json" <<'PY'
import json, sys, collections
r = json.load(open(sys.argv[1]))
print("documents", r["documents"], "linkValidity", r["metrics"]["linkValidity"])
print(dict(collections.Counter(f["rule"] for f in r["findings"])))
print(json.dumps(r["stats"]["links"]))
PY
