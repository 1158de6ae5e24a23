#!/usr/bin/env bash
# Score `quorate agenda --json` on every corpus document against the agenda a person read from it.
# usage: scripts/score_corpus.sh [CORPUS_DIR ...]   (default ../shared/corpus; a dir holds expected/ and pdf/)
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
py="$here/.venv/bin/python"
scorer="$here/../shared/tools/agenda_score.py"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
[ $# -eq 0 ] && set -- "$here/../shared/corpus"
right=0; total=0
for corpus in "$@"; do
  for e in "$corpus"/expected/*.json; do
    n=$(basename "$e" .json)
    doc=$(ls "$corpus"/pdf/"$n".* "$corpus"/docs/"$n".* "$corpus"/"$n".pdf "$corpus"/"$n".txt "$corpus"/"$n".md 2>/dev/null | head -1)
    [ -z "$doc" ] && { echo "$n: no document"; continue; }
    line=$("$here/.venv/bin/quorate" --data-dir "$data" agenda "$doc" --json 2>/dev/null | "$py" "${SCORER:-$scorer}" "$e")
    echo "$line"
    r=$(echo "$line" | sed -n 's/.*: \([0-9]*\)\/\([0-9]*\) .*/\1/p'); t=$(echo "$line" | sed -n 's/.*: \([0-9]*\)\/\([0-9]*\) .*/\2/p')
    right=$((right + ${r:-0})); total=$((total + ${t:-0}))
  done
done
echo "pooled: $right/$total"
