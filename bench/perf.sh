#!/usr/bin/env bash
# Issue 6, engine throughput and memory: JMH (EngineBench, KernelBench; -prof gc) per backend, and
# MemoryCheck (used heap after GC at 10^3..10^6 executions). Output under bench/target/perf/.
# The thread backend hands off through park/unpark (tens of microseconds per switch), so it runs the
# two short benchmarks only, with fewer iterations.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
JAVA_HOME=$(whylock_find_jdk); export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
JAVA="$JAVA_HOME/bin/java"
OUT=bench/target/perf
rm -rf "$OUT"
mkdir -p "$OUT"
mvn -B -q -ntp -pl bench -am -Dmaven.test.skip=true package
cp bench/target/benchmarks.jar "$OUT/benchmarks.jar"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit: $(git rev-parse --short HEAD)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB, kernel $(uname -r)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jdk: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
} > "$OUT/environment.txt"
"$JAVA" -jar "$OUT/benchmarks.jar" -f 1 -prof gc -p backend=continuation -rf json -rff "$OUT/jmh-continuation.json" \
  'EngineBench|KernelBench' > "$OUT/jmh-continuation.txt" 2>&1
"$JAVA" -jar "$OUT/benchmarks.jar" -f 1 -wi 1 -i 3 -prof gc -p backend=thread -rf json -rff "$OUT/jmh-thread.json" \
  'EngineBench.lockOnce4Dpor|KernelBench' > "$OUT/jmh-thread.txt" 2>&1
FLAGS=(-Xmx256m --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -Xss4m)
"$JAVA" "${FLAGS[@]}" -cp "$OUT/benchmarks.jar" dev.whylock.bench.MemoryCheck mixed-lock-flag 1000000 random > "$OUT/memory.md"
"$JAVA" "${FLAGS[@]}" -cp "$OUT/benchmarks.jar" dev.whylock.bench.MemoryCheck lock-once-10 1000000 dpor | tail -n +3 >> "$OUT/memory.md"
echo "== done: $OUT/{environment.txt,jmh-continuation.txt,jmh-thread.txt,memory.md}"
