#!/usr/bin/env python3
"""Recall probes of a blind round: a probe (`P1. path:line — what`) counts as found when a finding of the family is
within 3 lines of it; probes found only by a links/* finding on the same lines are counted apart.

For snippets a probe names a code block (its fence or a line inside it): with --corpus-root DIR it also counts as
found when a snippets finding lies inside the same fenced block (a block of 40 lines is judged once, at the line that
shows its problem; round 32's reviewer named the fence). Those are marked "FOUND (block)".

Usage: probes.py RESULT_FILE REPORT_JSON FAMILY CORPUS [--corpus-root DIR]
"""
import json, os, re, sys

args = sys.argv[1:]
root = None
if '--corpus-root' in args:
    i = args.index('--corpus-root')
    root = args[i + 1]
    del args[i:i + 2]
res, rep, fam, c = args[:4]
fs = json.load(open(rep))['findings']


def block_of(path, line):
    """The (first, last) line of the fenced block holding `line` (the fences included), or None."""
    if root is None:
        return None
    try:
        text = open(os.path.join(root, path), encoding='utf-8').read().split('\n')
    except OSError:
        return None
    start = None
    fence = None
    for i, t in enumerate(text, 1):
        m = re.match(r'^\s{0,3}(`{3,}|~{3,})', t)
        if fence is None and m:
            fence, start = m.group(1), i
        elif fence is not None and t.strip().startswith(fence[0] * len(fence)) and not t.strip().strip(fence[0]):
            if start <= line <= i:
                return start, i
            fence = None
    return None


n = 0; found = 0; links = 0; byblock = 0
for l in open(res).read().splitlines():
    m = re.match(r'^P(\d+)\.\s+`?([^:`]+?):(\d+)', l)
    if not m:
        continue
    p = m.group(2).strip()
    if p.startswith(c + '/'):
        p = p[len(c) + 1:]
    ln = int(m.group(3)); n += 1
    hit = any(x['rule'].startswith(fam + '/') and x['path'] == p and abs(x['line'] - ln) <= 3 for x in fs)
    inblock = False
    if not hit and fam == 'snippets':
        b = block_of(p, ln)
        inblock = b is not None and any(x['rule'].startswith('snippets/') and x['path'] == p
                                        and b[0] <= x['line'] <= b[1] for x in fs)
    lh = any(x['rule'].startswith('links/') and x['path'] == p and abs(x['line'] - ln) <= 3 for x in fs)
    found += hit or inblock; byblock += inblock; links += (lh and not hit)
    print(('FOUND (block) ' if inblock else 'FOUND ' if hit else 'miss  ') + ('(links) ' if lh and not hit else '')
          + l[:150])
print(f'{fam} {c}: probes {found}/{n}' + (f' ({byblock} by a finding in the probed block)' if byblock else '')
      + (f' (+{links} as links/*)' if links else ''))
