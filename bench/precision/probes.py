#!/usr/bin/env python3
"""Recall probes of a blind round: a probe (`P1. path:line — what`) counts as found when a finding of the family is
within 3 lines of it; probes found only by a links/* finding on the same lines are counted apart.

Usage: probes.py RESULT_FILE REPORT_JSON FAMILY CORPUS
"""
import json, re, sys

res,rep,fam,c=sys.argv[1:5]
fs=json.load(open(rep))['findings']
n=0;found=0;links=0
for l in open(res).read().splitlines():
    m=re.match(r'^P(\d+)\.\s+`?([^:`]+?):(\d+)',l)
    if not m: continue
    p=m.group(2).strip()
    if p.startswith(c+'/'): p=p[len(c)+1:]
    ln=int(m.group(3)); n+=1
    hit=any(x['rule'].startswith(fam+'/') and x['path']==p and abs(x['line']-ln)<=3 for x in fs)
    lh=any(x['rule'].startswith('links/') and x['path']==p and abs(x['line']-ln)<=3 for x in fs)
    found+=hit; links+=(lh and not hit)
    print(('FOUND ' if hit else 'miss  ')+('(links) ' if lh and not hit else '')+l[:150])
print(f'{fam} {c}: probes {found}/{n}' + (f' (+{links} as links/*)' if links else ''))
