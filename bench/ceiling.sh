#!/usr/bin/env bash
# Issue 16, every core: how much of a second core this machine gives to the default why report.
# Runs two JVMs side by side, each the report with ONE worker round after round (WhyRounds), then one
# JVM alone with 1 and 2 workers. Two independent copies share nothing in the program, so their
# slowdown against a copy running alone is the machine's (shared caches, memory, clock), and
# 2 x (alone / side-by-side) is the most any split of the report over two workers can reach.
#   bench/ceiling.sh [ROUNDS]      output: bench/target/ceiling/{environment.txt,a.tsv,b.tsv,alone.tsv}
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-5}
source scripts/find-jdk.sh
JAVA=$(whylock_find_jdk)/bin/java
OUT=bench/target/ceiling
rm -rf "$OUT"; mkdir -p "$OUT"
cp bench/target/benchmarks.jar "$OUT/benchmarks.jar"   # a rebuild during the run cannot change what is measured
FLAGS=(--add-exports java.base/jdk.internal.vm=ALL-UNNAMED -Xss4m -cp "$OUT/benchmarks.jar")
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit: $(git rev-parse --short HEAD)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/environment.txt"
"$JAVA" "${FLAGS[@]}" dev.whylock.bench.WhyRounds "$rounds" 1 > "$OUT/a.tsv" &
"$JAVA" "${FLAGS[@]}" dev.whylock.bench.WhyRounds "$rounds" 1 > "$OUT/b.tsv" &
wait
"$JAVA" "${FLAGS[@]}" dev.whylock.bench.WhyRounds "$rounds" 1 2 > "$OUT/alone.tsv"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/environment.txt"
python3 - "$OUT" <<'PY'
import os, statistics, sys
out = sys.argv[1]
def rows(f):
    return [l.split('\t') for l in open(os.path.join(out, f)).read().splitlines()[1:]]
def warm(rs, w):  # the last half of the rounds: past the JIT's start-up
    xs = [float(r[2]) for r in rs if r[1] == str(w)]
    return statistics.median(xs[len(xs) // 2:])
alone1, alone2 = warm(rows('alone.tsv'), 1), warm(rows('alone.tsv'), 2)
side = statistics.median([warm(rows('a.tsv'), 1), warm(rows('b.tsv'), 1)])
print(f"warm report alone: 1 worker {alone1:.2f} s, 2 workers {alone2:.2f} s: speed-up {alone1 / alone2:.2f}x")
print(f"two 1-worker copies side by side: {side:.2f} s each: ceiling for 2 workers {2 * alone1 / side:.2f}x")
PY
