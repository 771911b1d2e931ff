#!/usr/bin/env bash
# Issue 16, --workers: wall time of a command with N=1 and N=2 workers (or the N given), runs
# alternating so that both see the same load, median per N, and a check that every run wrote the
# same JSON (elapsed times aside). Default command: the default why report (whylock why rtnl_mutex).
#   bench/workers.sh [RUNS] [N...] [-- whylock arguments]
# Output: bench/target/workers/{environment.txt,times.tsv,summary.txt}
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; shift || true
ns=()
while [[ $# -gt 0 && "$1" != "--" ]]; do ns+=("$1"); shift; done
[[ ${#ns[@]} -eq 0 ]] && ns=(1 2)
[[ "${1:-}" == "--" ]] && shift
args=("$@")
[[ ${#args[@]} -eq 0 ]] && args=(why rtnl_mutex)
OUT=bench/target/workers
rm -rf "$OUT"; mkdir -p "$OUT"
./whylock --version >/dev/null
mkdir -p "$OUT/jar"   # a copy: a rebuild during the run cannot change the code measured
cp cli/target/whylock.jar "$OUT/jar/" && cp -r cli/target/lib "$OUT/jar/"
source scripts/find-jdk.sh
JAVA=$(whylock_find_jdk)/bin/java
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit: $(git rev-parse --short HEAD)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command: whylock ${args[*]} --workers N -q --json FILE"
} > "$OUT/environment.txt"
printf 'run\tworkers\tseconds\tload1\n' > "$OUT/times.tsv"
for ((r = 1; r <= runs; r++)); do
  for n in "${ns[@]}"; do
    mkdir -p "$OUT/run$r-n$n"
    load=$(cut -d' ' -f1 /proc/loadavg)
    s=$(date +%s.%N)
    (cd "$OUT/run$r-n$n" && "$JAVA" --add-exports java.base/jdk.internal.vm=ALL-UNNAMED --enable-native-access=ALL-UNNAMED -Xss4m \
        -jar ../jar/whylock.jar "${args[@]}" --workers "$n" -q --json out.json) || true
    e=$(date +%s.%N)
    printf '%s\t%s\t%.1f\t%s\n' "$r" "$n" "$(echo "$e - $s" | bc)" "$load" | tee -a "$OUT/times.tsv"
  done
done
python3 - "$OUT" "${ns[@]}" <<'PY' | tee "$OUT/summary.txt"
import json, os, statistics, sys
out, ns = sys.argv[1], sys.argv[2:]
rows = [l.split('\t') for l in open(os.path.join(out, 'times.tsv')).read().splitlines()[1:]]
def strip(x):
    if isinstance(x, dict): return {k: strip(v) for k, v in x.items() if k != 'elapsedMillis'}
    if isinstance(x, list): return [strip(v) for v in x]
    return x
med = {n: statistics.median(float(r[2]) for r in rows if r[1] == n) for n in ns}
for n in ns:
    print(f"workers {n}: median {med[n]:.1f} s over {sum(1 for r in rows if r[1] == n)} runs; speed-up {med[ns[0]] / med[n]:.2f}x")
jsons = [strip(json.load(open(os.path.join(out, d, 'out.json')))) for d in sorted(os.listdir(out)) if d.startswith('run')]
print("identical JSON in every run (elapsed aside, stress counts aside):",
      all({k: v for k, v in j.items() if k != 'stress'} == {k: v for k, v in jsons[0].items() if k != 'stress'} for j in jsons))
PY
