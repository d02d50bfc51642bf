#!/usr/bin/env bash
# Re-runs every attack case of the security suite (the test classes of org.docgate.security: issue 17's holes, each
# with a loopback fake where it needs one; nothing leaves the machine) and prints one line per case:
#   RESULT  CLASS  CASE  SECONDS
# Usage: bench/attacks.sh [CLASS_PATTERN]   (default: every class; e.g. 'ApiAuthTest' or 'Token*')
# Exit status: 0 when every case holds, 1 when one fails, 2 when Maven could not run the suite.
# Maven runs offline (-o); ONLINE=1 lets it fetch missing dependencies first.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
# shellcheck source=bin/find-jdk.sh disable=SC1091
. "$root/bin/find-jdk.sh"
pattern="${1:-*}"
cd "$root"
reports="$root/target/surefire-reports"
rm -f "$reports"/TEST-org.docgate.security.*.xml
set +e
offline=(-o)
[ "${ONLINE:-0}" = 1 ] && offline=()
mvn -B -q "${offline[@]}" -Dtest="org/docgate/security/${pattern}" -Dsurefire.failIfNoSpecifiedTests=false \
  test >"$root/target/attacks.log" 2>&1
mvn_status=$?
set -e
shopt -s nullglob
files=("$reports"/TEST-org.docgate.security.*.xml)
if [ "${#files[@]}" -eq 0 ]; then
  echo "bench/attacks.sh: no security test ran (Maven exit $mvn_status); see target/attacks.log" >&2
  tail -20 "$root/target/attacks.log" >&2
  exit 2
fi
python3 - "${files[@]}" <<'PY'
import re
import sys
import xml.etree.ElementTree as ET

# one line per attack case; a parameterized case (method(String)[3]) is one line with its number of inputs
cases = {}
for path in sys.argv[1:]:
    for case in ET.parse(path).getroot().iter("testcase"):
        cls = case.get("classname", "").rsplit(".", 1)[-1]
        m = re.match(r"([^(\[]+)(?:\([^)]*\))?(?:\[(\d+)\])?$", case.get("name", ""))
        name, index = (m.group(1), m.group(2)) if m else (case.get("name", ""), None)
        c = cases.setdefault((cls, name), {"runs": 0, "failed": [], "skipped": 0, "secs": 0.0})
        c["runs"] += 1
        c["secs"] += float(case.get("time", "0") or 0)
        if case.find("failure") is not None or case.find("error") is not None:
            c["failed"].append(index or "1")
        elif case.find("skipped") is not None:
            c["skipped"] += 1
rows = []
for (cls, name), c in sorted(cases.items()):
    result = "FAIL" if c["failed"] else "SKIP" if c["skipped"] == c["runs"] else "held"
    inputs = f" ({c['runs']} inputs)" if c["runs"] > 1 else ""
    if c["failed"] and c["runs"] > 1:
        inputs += " failed: " + ",".join(c["failed"])
    rows.append((result, cls, name + inputs, c["secs"]))
width_c = max(len(r[1]) for r in rows)
width_n = max(len(r[2]) for r in rows)
print(f"{'RESULT':6}  {'CLASS':{width_c}}  {'CASE':{width_n}}  SECONDS")
for result, cls, name, secs in rows:
    print(f"{result:6}  {cls:{width_c}}  {name:{width_n}}  {secs:7.2f}")
failed = sum(1 for r in rows if r[0] == "FAIL")
print(f"{len(rows)} cases: {len(rows) - failed} held, {failed} failed")
sys.exit(1 if failed else 0)
PY
