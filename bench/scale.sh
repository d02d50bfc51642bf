#!/usr/bin/env bash
# Scaling: synthetic corpora of 1x, 4x and 16x the shared corpus, timed with GNU time (wall clock, max RSS, user +
# sys CPU of the process tree; the 1-minute load average at the end of each run).
# Copy k of the corpus lives in folder copyK/ (so every relative link inside a copy still resolves), plus a README
# linking each copy; in every copy after the first, a few files are deleted so links into them break (injected
# breakages, counted in the output). Cost should grow at most linearly: compare seconds per document across sizes.
#
#   bench/scale.sh [CORPUS] [WORK_DIR]      defaults: ../shared/corpus/vshpere-1019, /tmp/docgate-scale
#   SIZES="1 4 16" RUNS=1 bench/scale.sh
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
corpus="$(cd "${1:-$root/../shared/corpus/vshpere-1019}" && pwd)"
work="${2:-/tmp/docgate-scale}"
sizes="${SIZES:-1 4 16}"
runs="${RUNS:-1}"
"$root/bin/docgate" --version >/dev/null   # builds the jar when needed

build() {  # build N: a corpus of N copies under $work/Nx
  local n=$1 dir="$work/${1}x"
  [ -f "$dir/.complete" ] && return
  rm -rf "$dir"; mkdir -p "$dir"
  printf '# Scale corpus (%s copies)\n\n' "$n" > "$dir/README.md"
  for k in $(seq 1 "$n"); do
    cp -r "$corpus" "$dir/copy$k"
    printf -- '- [copy %s](copy%s/README.md)\n' "$k" "$k" >> "$dir/README.md"
    if [ "$k" -gt 1 ]; then  # injected breakages: the same three well-linked files go missing
      rm -f "$dir/copy$k/Container/README.md" "$dir/copy$k/vShpere_VMware/README.md" "$dir/copy$k/QUICKSTART.md"
    fi
  done
  touch "$dir/.complete"
}

printf 'size\tdocuments\twall_s\tmax_rss_mb\ts_per_1000_docs\tcpu_s\tcpu_s_per_1000_docs\tfindings\tmissing_file\tload_1m\n'
for n in $sizes; do
  build "$n"
  for _ in $(seq 1 "$runs"); do
    set +e
    /usr/bin/time -f '%e %M %U %S' -o "$work/time" "$root/bin/docgate" \
      scan "$work/${n}x" --offline --format json --output "$work/report-${n}x.json"
    set -e
    read -r wall rss user sys < <(tail -n 1 "$work/time")
    python3 - "$work/report-${n}x.json" "$n" "$wall" "$rss" "$user" "$sys" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); n, wall, rss = sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
cpu, load = float(sys.argv[5]) + float(sys.argv[6]), sys.argv[7]
docs = r["documents"]; f = r["findings"]
mf = sum(1 for x in f if x["rule"] == "links/missing-file")
print(f"{n}x\t{docs}\t{wall:.2f}\t{rss // 1024}\t{wall / docs * 1000:.2f}\t{cpu:.1f}\t{cpu / docs * 1000:.2f}\t{len(f)}\t{mf}\t{load}")
PY
  done
done
