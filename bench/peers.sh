#!/usr/bin/env bash
# Runs docgate and the peer tools on one corpus in the same timed session (GNU time: wall clock, max RSS), then
# prints one table with docgate's speed ratio against each peer (peer wall time / docgate wall time). Ratios from
# one run are the only numbers worth comparing on these noisy machines.
#
#   bench/peers.sh [CORPUS] [OUT_DIR]        default corpus: ../shared/corpus/vshpere-1019
#   RUNS=3 TOOLS="remark-validate-links linkinator check_links_py" bench/peers.sh
#   CONFIGS="links offline" WARM=links bench/peers.sh   docgate configurations to time (default: links nosnippets
#                                                        offline); WARM=links warms the CDS archive with a links-only
#                                                        scan instead of a full one (minutes on a loaded machine)
#   OLD=DIR bench/peers.sh           also times another build (DIR holds its bin/docgate and target/docgate.jar, e.g.
#                                    a checkout of main): docgate-old-<config>, alternating with this build run by run
#
# Needs the peers installed once: bash ../shared/bench/peers/install.sh (APT=0 skips its Debian part).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
corpus="$(cd "${1:-$root/../shared/corpus/vshpere-1019}" && pwd)"
out="$(mkdir -p "${2:-$root/bench/out/peers}" && cd "${2:-$root/bench/out/peers}" && pwd)"
peers="${PEERS_DIR:-$root/../shared/bench/peers}"
[ -f "$peers/run.sh" ] || { echo "bench: no peer scripts at $peers" >&2; exit 2; }
# shellcheck source=../bin/find-jdk.sh
. "$root/bin/find-jdk.sh"
"$root/bin/docgate" --version >/dev/null   # builds the jar when needed, outside the timed runs
# Warm the launcher's class-data-sharing archive once, untimed, as a user's first scan does.
warm=(); [ "${WARM:-offline}" = links ] && warm=(--only links)
"$root/bin/docgate" scan "$corpus" --offline "${warm[@]}" --quiet >/dev/null 2>&1 || true
[ -z "${OLD:-}" ] || "$OLD/bin/docgate" scan "$corpus" --offline "${warm[@]}" --quiet >/dev/null 2>&1 || true

extra="$out/docgate-extra.sh"
: > "$extra"
for config in ${CONFIGS:-links nosnippets offline}; do
  case "$config" in
    links) only="--only links" ;;
    nosnippets) only="--only links,versions,completeness,terms,weblinks" ;;
    offline) only="" ;;
    *) echo "bench: unknown docgate configuration $config (links, nosnippets, offline)" >&2; exit 2 ;;
  esac
  if [ -z "${OLD:-}" ]; then
    echo "timed docgate-$config -- \"$root/bin/docgate\" scan . --offline $only --format json" >> "$extra"
  else
    # one run of each build in turn, RUNS times, so a change in the machine's load hits both alike
    { echo "for ((pair = 1; pair <= ${RUNS:-1}; pair++)); do"
      echo "  RUNS=1 timed docgate-old-$config -- \"$OLD/bin/docgate\" scan . --offline $only --format json"
      echo "  RUNS=1 timed docgate-$config -- \"$root/bin/docgate\" scan . --offline $only --format json"
      echo "done"; } >> "$extra"
  fi
done
REPO_URL="${REPO_URL:-https://github.com/AdaMartin18010/vShpere_Docker}" \
  TOOLS="${TOOLS:-remark-validate-links linkinator check_links_py markdownlint-cli2 cspell}" \
  EXTRA="$extra" bash "$peers/run.sh" "$corpus" "$out" >&2

python3 - "$out/timings.tsv" <<'PY'
import csv, sys, statistics, json, os
rows = [r for r in csv.reader(open(sys.argv[1]), delimiter="\t") if r and r[0] != "tool"]
by = {}
for name, run, ex, wall, rss, usr, sys_ in rows:
    by.setdefault(name, []).append((float(wall), int(rss), float(usr) + float(sys_)))
checks = {
    "remark-validate-links": "links + anchors (all files)", "linkinator": "local links (no anchors)",
    "check_links_py": "corpus's own script (no anchors)", "markdownlint-cli2": "Markdown style rules",
    "markdown-link-check": "links per file, anchors same-file only", "cspell": "spelling",
    "docgate-links": "links + anchors + corpus intake",
    "docgate-nosnippets": "all offline validators but snippets, JSON",
    "docgate-offline": "all offline validators incl. snippets (bash, python3, shellcheck, gofmt processes), JSON",
}
checks.update({"docgate-old-" + k[len("docgate-"):]: "the same, OLD build" for k in list(checks) if k.startswith("docgate-")})
med = {k: statistics.median(w for w, _, _ in v) for k, v in by.items()}
rss = {k: max(r for _, r, _ in v) for k, v in by.items()}
cpu = {k: statistics.median(c for _, _, c in v) for k, v in by.items()}
ours = {k: med[k] for k in med if k.startswith("docgate")}
print(f"{'tool':24} {'checks':42} {'wall s':>7} {'CPU s':>6} {'MB':>6}  " + "  ".join(f"{'÷ ' + k:>16}" for k in ours))
for k in sorted(med, key=med.get):
    ratios = "  ".join(f"{med[k] / v:16.2f}" for v in ours.values())
    print(f"{k:24} {checks.get(k, '')[:42]:42} {med[k]:7.2f} {cpu[k]:6.2f} {rss[k] // 1024:6d}  {ratios}")
print("\nratio = tool wall time / docgate wall time (median of RUNS); > 1 means docgate is faster; CPU = user + sys")
PY
