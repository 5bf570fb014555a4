#!/usr/bin/env bash
# Does a change leave detection's output as it was? `qualdeid scan --format jsonl` of this checkout
# and of another one (its src/ folder, e.g. a `git archive` of main unpacked in /tmp), byte for byte,
# on each input (a .jsonl corpus, a folder, a file). For changes that must not change what is found
# (speed work): every span, score, detector and review item the same.
#
#   bash benchmarks/same_scan.sh OTHER_SRC INPUT...
#
# Prints "identical" or "DIFFERENT" per input; exit status 1 if any differs.
set -u
if [ $# -lt 2 ]; then
    echo "usage: bash benchmarks/same_scan.sh OTHER_SRC INPUT..." >&2
    exit 2
fi
other=$1
shift
here=$(cd "$(dirname "$0")/.." && pwd)/src
out=$(mktemp -d)
status=0
for input in "$@"; do
    name=$(echo "$input" | tr '/' '_')
    PYTHONPATH=$here qualdeid scan "$input" --format jsonl --quiet --jobs 1 >"$out/a$name" || status=1
    PYTHONPATH=$other qualdeid scan "$input" --format jsonl --quiet --jobs 1 >"$out/b$name" || status=1
    if cmp -s "$out/a$name" "$out/b$name"; then
        echo "identical  $input ($(wc -l <"$out/a$name") documents)"
    else
        echo "DIFFERENT  $input"
        status=1
    fi
done
rm -rf "$out"
exit $status
