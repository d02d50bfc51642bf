#!/usr/bin/env python3
"""Blind precision sample of one validator family (issue 15's protocol).

Reads a `docgate scan --format json` report and prints N findings of one rule family, chosen with a fixed seed and
stratified over the family's rules (every rule gets at least one slot while slots last, the rest in proportion to the
rule's count). The lines carry only what a judge needs to find the place in the source: corpus-relative path, line,
column, rule, severity, message. Usage:

  sample.py REPORT.json FAMILY [--n 30] [--seed 15] [--corpus-name NAME]

FAMILY is a rule prefix such as `versions`, `terms`, `completeness`, `snippets`.
"""
import argparse
import json
import random
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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("report")
    p.add_argument("family")
    p.add_argument("--n", type=int, default=30)
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--corpus-name", default="")
    a = p.parse_args()
    findings = json.load(open(a.report, encoding="utf-8"))["findings"]
    mine = [f for f in findings if f["rule"].split("/")[0] == a.family]
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
    print(f"# {len(chosen)} of {len(mine)} {a.family} findings (seed {a.seed}); per rule: {counts}")
    for i, f in enumerate(chosen, 1):
        print(f"{i}. {prefix}{f['path']}:{f['line']}:{f['column']} {f['rule']} ({f['severity']}): {f['message']}")


if __name__ == "__main__":
    main()
