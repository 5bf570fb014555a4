#!/bin/sh
# Export the committed HEAD (without anyone's uncommitted work) to a temporary folder and print the
# PYTHONPATH that makes the benchmarks measure it:
#   export PYTHONPATH=$(sh benchmarks/snapshot_head.sh)
set -eu
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
commit=$(git -C "$repo" rev-parse --short HEAD)
dest="${TMPDIR:-/tmp}/qualdeid-bench/head-$commit"
if [ ! -f "$dest/COMMIT" ]; then
    rm -rf "$dest" && mkdir -p "$dest"
    git -C "$repo" archive HEAD | tar -x -C "$dest"
    git -C "$repo" log -1 --format='%h %s' > "$dest/COMMIT"
fi
echo "$dest/src"
