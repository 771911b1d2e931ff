#!/usr/bin/env bash
# Issue 16 part 3: Apache Spark 4.2.0 (local mode) running the split search's work units, beside
# Hazelcast (bench ClusterBench) on the same scenario. Builds the 'spark' profile's bench-spark module
# (not part of ./test: Spark's dependencies are about 200 MB), then runs SparkBench and ClusterBench.
#   bench/spark.sh [SCENARIO] [RUNS] [N...]     output: bench/target/spark/{environment.txt,spark.txt,hazelcast.txt}
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-module-hotplug}; runs=${2:-5}; shift 2 || shift $#
ns=("$@"); [[ ${#ns[@]} -eq 0 ]] && ns=(1 2 4)
source scripts/find-jdk.sh
JAVA_HOME=$(whylock_find_jdk); export JAVA_HOME
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
OUT=bench/target/spark
rm -rf "$OUT"; mkdir -p "$OUT"
mvn -B -q -ntp -Pspark -pl bench-spark -am -Dmaven.test.skip=true package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$OUT/cp.txt" > "$OUT/build.log" 2>&1 || { echo "build failed: see $OUT/build.log"; exit 1; }
CP="bench-spark/target/whylock-bench-spark-0.1.0-SNAPSHOT.jar:$(cat "$OUT/cp.txt")"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit: $(git rev-parse --short HEAD)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/environment.txt"
FLAGS=(--add-exports java.base/jdk.internal.vm=ALL-UNNAMED --enable-native-access=ALL-UNNAMED -Xss4m)
"$JAVA_HOME/bin/java" "${FLAGS[@]}" -cp "$CP" dev.whylock.bench.SparkBench "$scenario" "$runs" "${ns[@]}" 2> "$OUT/spark.err" | tee "$OUT/spark.txt"
"$JAVA_HOME/bin/java" "${FLAGS[@]}" --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens java.management/sun.management=ALL-UNNAMED --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED \
  -cp "$CP" dev.whylock.bench.ClusterBench "$scenario" "$runs" "${ns[@]}" 2> "$OUT/hazelcast.err" | tee "$OUT/hazelcast.txt"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/environment.txt"
