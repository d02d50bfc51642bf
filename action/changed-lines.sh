#!/usr/bin/env bash
# Keeps the workflow-command annotations read on stdin (::error/::warning/::notice file=...,line=...::) whose line a
# pull request added or changed (git diff BASE...HEAD, the pull request's own diff), as reviewdog's filter-mode
# "added" and lychee-action's annotations do: a pull request is told about the lines it wrote, the rest of the
# findings stay in the job summary. Other lines pass through. Without the history to diff (a shallow checkout), every
# annotation is kept, with a notice saying why.
# Usage: changed-lines.sh BASE_SHA HEAD_SHA < annotations > kept
set -euo pipefail

base=${1:?base commit}
head=${2:?head commit}
changed=$(mktemp)
trap 'rm -f "$changed"' EXIT

if ! git -c core.quotePath=false diff --no-ext-diff --no-color --unified=0 "$base...$head" -- >"$changed.diff" \
    2>/dev/null; then
  rm -f "$changed.diff"
  echo "::notice title=docgate::cannot diff $base...$head (shallow checkout? use fetch-depth: 0): every finding is annotated"
  cat
  exit 0
fi

# "path<TAB>line" for every line on the new side of a hunk; the path escaped as the annotation's file property is
# (the runner's escaping: % CR LF : ,), so the two compare as text.
awk '
  function prop(s) {
    gsub(/%/, "%25", s); gsub(/\r/, "%0D", s); gsub(/\n/, "%0A", s); gsub(/:/, "%3A", s); gsub(/,/, "%2C", s)
    return s
  }
  /^\+\+\+ / {
    path = substr($0, 5)
    if (path == "/dev/null") { file = ""; next }
    if (path ~ /^"/) { path = substr(path, 2, length(path) - 2); gsub(/\\"/, "\"", path); gsub(/\\\\/, "\\", path) }
    file = prop(substr(path, 3))    # b/...
    next
  }
  /^@@ / && file != "" {
    split($3, plus, ",")            # +START[,COUNT]
    start = substr(plus[1], 2) + 0
    count = (2 in plus) ? plus[2] + 0 : 1
    for (i = 0; i < count; i++) print file "\t" (start + i)
  }
' "$changed.diff" >"$changed"
rm -f "$changed.diff"

awk -F '\t' '
  NR == FNR { keep[$1 ":" $2] = 1; next }
  /^::(error|warning|notice) / {
    props = substr($0, index($0, " ") + 1)
    props = substr(props, 1, index(props, "::") - 1)
    n = split(props, kv, ",")
    f = ""; l = ""
    for (i = 1; i <= n; i++) {
      if (kv[i] ~ /^file=/) f = substr(kv[i], 6)
      if (kv[i] ~ /^line=/) l = substr(kv[i], 6)
    }
    if ((f ":" l) in keep) print
    next
  }
  { print }
' "$changed" -
