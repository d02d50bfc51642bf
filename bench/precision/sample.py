#!/usr/bin/env python3
"""Blind precision sample of one validator family (issue 15's protocol).

Reads a `docgate scan --format json` report and prints N findings of one rule family, chosen with a fixed seed and
stratified over the family's rules (every rule gets at least one slot while slots last, the rest in proportion to the
rule's count). The lines carry only what a judge needs to find the place in the source: corpus-relative path, line,
column, rule, severity, message. Usage:

  sample.py REPORT.json FAMILY [--n 30] [--seed 15] [--corpus-name NAME] [--exclude SAMPLE.txt ...]

--exclude leaves out findings listed in earlier sample files (same path, line, column and rule), so that a new round
can be pooled with an earlier one of the same code without judging a finding twice.

FAMILY is a rule prefix such as `versions`, `terms`, `completeness`, `snippets`.
"""
import argparse
import json
import random
import re
import sys
from collections import defaultdict


def allocate(counts, n):
    """Slots per rule: one each (largest rules first) while slots last, the rest proportional to the counts."""
    rules = sorted(counts, key=lambda r: (-counts[r], r))
    total = sum(counts.values())
    n = min(n, total)
    slots = {r: 0 for r in rules}
    for r in rules[:n]:
        slots[r] = 1
    left = n - sum(slots.values())
    while left > 0:
        # give the next slot to the rule furthest below its proportional share that still has findings left
        best = max((r for r in rules if slots[r] < counts[r]),
                   key=lambda r: (counts[r] / total * n - slots[r], -rules.index(r)))
        slots[best] += 1
        left -= 1
    return slots


def judged(files):
    """(path, line, column, rule) of every finding listed in earlier sample files (the corpus prefix removed)."""
    seen = set()
    for name in files:
        for row in open(name, encoding="utf-8"):
            m = re.match(r"\d+\. (?:[^/]+/)?(.+?):(\d+):(\d+) (\S+) \(", row)
            if m:
                seen.add((m[1], int(m[2]), int(m[3]), m[4]))
    return seen


def main():
    p = argparse.ArgumentParser()
    p.add_argument("report")
    p.add_argument("family")
    p.add_argument("--n", type=int, default=30)
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--corpus-name", default="")
    p.add_argument("--exclude", nargs="*", default=[])
    a = p.parse_args()
    findings = json.load(open(a.report, encoding="utf-8"))["findings"]
    seen = judged(a.exclude)
    mine = [f for f in findings if f["rule"].split("/")[0] == a.family
            and (f["path"], f["line"], f["column"], f["rule"]) not in seen]
    by_rule = defaultdict(list)
    for f in mine:
        by_rule[f["rule"]].append(f)
    if not mine:
        print(f"no {a.family} findings", file=sys.stderr)
        return
    rng = random.Random(a.seed)
    chosen = []
    for rule, k in sorted(allocate({r: len(v) for r, v in by_rule.items()}, a.n).items()):
        pool = sorted(by_rule[rule], key=lambda f: (f["path"], f["line"], f["column"]))
        chosen += rng.sample(pool, k)
    chosen.sort(key=lambda f: (f["path"], f["line"], f["column"], f["rule"]))
    prefix = a.corpus_name + "/" if a.corpus_name else ""
    counts = ", ".join(f"{r} {len(v)}" for r, v in sorted(by_rule.items()))
    left_out = f", {len(seen)} judged before left out" if seen else ""
    print(f"# {len(chosen)} of {len(mine)} {a.family} findings (seed {a.seed}{left_out}); per rule: {counts}")
    for i, f in enumerate(chosen, 1):
        print(f"{i}. {prefix}{f['path']}:{f['line']}:{f['column']} {f['rule']} ({f['severity']}): {f['message']}")


if __name__ == "__main__":
    main()
