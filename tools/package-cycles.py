#!/usr/bin/env python3
"""List package cycles under src/main/java/org/docgate.

For each Java package, collects the org.docgate packages it references (imports, static imports, fully qualified
names in code, and javadoc {@link}/{@linkplain}/@see/@throws targets; plain comment text and {@code ...} are not
dependencies), then reports every strongly connected component of more than one package.
Usage: tools/package-cycles.py [-v] [source root]   (-v also prints each package's dependencies)
"""
import os
import re
import sys

args = [a for a in sys.argv[1:] if a != "-v"]
verbose = "-v" in sys.argv[1:]
root = args[0] if args else os.path.join(os.path.dirname(__file__), "..", "src", "main", "java")
base = os.path.join(root, "org", "docgate")

packages = set()
files = {}
for d, _, names in os.walk(base):
    java = [n for n in names if n.endswith(".java")]
    if java:
        pkg = os.path.relpath(d, root).replace(os.sep, ".")
        packages.add(pkg)
        files[pkg] = [os.path.join(d, n) for n in java]

# classes per package, to resolve org.docgate.a.b.C (class) vs org.docgate.a.b (package)
ref = re.compile(r"\borg\.docgate(?:\.[A-Za-z_]\w*)+")


comment = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
link = re.compile(r"(?:\{@link(?:plain)?|@see|@throws)\s+([\w.]+)")


def package_of(name):
    parts = name.split(".")
    # longest prefix that is a known package
    for i in range(len(parts), 1, -1):
        p = ".".join(parts[:i])
        if p in packages:
            return p
    return None


deps = {p: set() for p in packages}
for pkg, paths in files.items():
    for path in paths:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r"^\s*package\s+[\w.]+\s*;", "", text, flags=re.M)
        comments = comment.findall(text)
        code = comment.sub(" ", text)
        linked = " ".join(t for c in comments for t in link.findall(c))
        for m in ref.finditer(code + " " + linked):
            target = package_of(m.group(0))
            if target and target != pkg:
                deps[pkg].add(target)

# Tarjan's SCC
index, low, on, stack, sccs, counter = {}, {}, set(), [], [], [0]
sys.setrecursionlimit(10000)


def visit(v):
    index[v] = low[v] = counter[0]
    counter[0] += 1
    stack.append(v)
    on.add(v)
    for w in sorted(deps[v]):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        comp = []
        while True:
            w = stack.pop()
            on.discard(w)
            comp.append(w)
            if w == v:
                break
        sccs.append(sorted(comp))


for p in sorted(packages):
    if p not in index:
        visit(p)

short = lambda p: p[len("org.docgate."):] if p.startswith("org.docgate.") else p
if verbose:
    for p in sorted(packages):
        print(f"{short(p)} -> {', '.join(short(d) for d in sorted(deps[p])) or '-'}")
    print()
cycles = [c for c in sccs if len(c) > 1]
print(f"{len(packages)} packages, {len(cycles)} cycle(s)")
for c in sorted(cycles):
    members = set(c)
    print("cycle: " + " <-> ".join(short(p) for p in c))
    for p in c:
        inner = sorted(d for d in deps[p] if d in members)
        print(f"  {short(p)} -> {', '.join(short(d) for d in inner)}")
sys.exit(1 if cycles else 0)
