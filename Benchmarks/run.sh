#!/usr/bin/env bash
# make bench: prints figures, compares against named baselines in the same run, asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$(swift build -c release --show-bin-path)/nhacviec"
OUT="$(mktemp -d /tmp/nhacviec-bench.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
RUNS="${RUNS:-5}"

echo "== inputs: 10,000 tasks, 300 units (Benchmarks/generate.py)"
"$BIN" holidays -c config/example.yaml --year 2024 --format json > "$OUT/holidays-2024.json"
/usr/bin/python3 Benchmarks/generate.py "$OUT" --tasks 10000 --units 300

echo "== nhacviec check (goal: < 1 s, < 100 MiB)"
/usr/bin/python3 Benchmarks/measure.py "check" "$RUNS" -- "$BIN" check -c "$OUT/bench.yaml" | grep -v '^RESULT'

echo "== a year of reminders: nhacviec plan vs remind -s12 (goal: >= 10x faster than remind)"
ours=$(/usr/bin/python3 Benchmarks/measure.py "nhacviec plan 2024 (json)" "$RUNS" -- \
    "$BIN" plan -c "$OUT/bench.yaml" --from 2024-01-01 --to 2024-12-31 --format json)
echo "$ours" | grep -v '^RESULT'
theirs=$(/usr/bin/python3 Benchmarks/measure.py "remind -s12 (baseline)" "$RUNS" -- \
    remind -s12 "$OUT/bench.rem" 1 Jan 2024)
echo "$theirs" | grep -v '^RESULT'
lines=$("$BIN" plan -c "$OUT/bench.yaml" --from 2024-01-01 --to 2024-12-31 --format json | wc -l)
remind_lines=$(remind -s12 "$OUT/bench.rem" 1 Jan 2024 | wc -l)
echo "   output lines: nhacviec $lines steps, remind $remind_lines calendar entries"
o=$(echo "$ours" | awk '/^RESULT/ {print $(NF-1)}')
t=$(echo "$theirs" | awk '/^RESULT/ {print $(NF-1)}')
/usr/bin/python3 -c "print(f'   ratio: remind / nhacviec = {$t / $o:.1f}x')"

for extra in Benchmarks/bench-*.sh; do
    [ -x "$extra" ] || continue
    echo "== $(basename "$extra")"
    BIN="$BIN" OUT="$OUT" RUNS="$RUNS" "$extra"
done
