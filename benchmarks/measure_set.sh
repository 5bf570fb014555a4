#!/usr/bin/env bash
# The first measurement of a new gold set, every layer at once, counts only (no text of the set).
#   bash benchmarks/measure_set.sh OUTDIR SETDIR
# SETDIR holds gold.jsonl and, for diary sets, passages.jsonl. Writes OUTDIR/<set>-{presidio,review,
# risk,compose}.txt: detection against Presidio's default (compare_presidio.py), the review
# simulation (simulate_review.py), the risk check's passages (eval_risk.py --no-compose) and the
# composite drafts (eval_compose.py --fast-risk) where the documents carry codes.
set -u
out=$1; set_dir=$2; name=$(basename "$set_dir")
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
gold="$set_dir/gold.jsonl"
python3 "$here/compare_presidio.py" "$gold" > "$out/$name-presidio.txt" 2>&1
python3 "$here/simulate_review.py" "$gold" --name "$name" > "$out/$name-review.txt" 2>&1
if [ -f "$set_dir/passages.jsonl" ]; then
  python3 "$here/eval_risk.py" "$set_dir" --no-compose > "$out/$name-risk.txt" 2>&1
fi
if grep -q '"segments"' "$gold"; then
  python3 "$here/eval_compose.py" "$gold" --fast-risk > "$out/$name-compose.txt" 2>&1
fi
echo "$name measured in $out"
