#!/usr/bin/env bash
# Issue 6: the whole measured comparison, written as markdown tables under bench/target/compare/:
#   reduction.md  DFS interleavings vs Mazurkiewicz traces vs DPOR executions (ReductionTable)
#   stress.md     real-thread stress runs vs DPOR and PCT on the kernel-model lock experiments
#   compare.md    whylock, Fray 0.9.2 and Lincheck 3.7 on the same small programs
# Needs JDK 25 and (once) Maven Central for Fray and Lincheck. Not part of ./test.
# Environment: STRESS_RUNS (1000), STRESS_SECONDS (60 per case), PCT_SEEDS (5), LINCHECK_BUDGET (10000),
# LINCHECK_FIXED (200).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
JAVA_HOME=$(whylock_find_jdk); export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
JAVA="$JAVA_HOME/bin/java"
OUT=bench/target/compare
rm -rf "$OUT"
mkdir -p "$OUT"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit: $(git rev-parse --short HEAD)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB, kernel $(uname -r)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jdk: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
} > "$OUT/environment.txt"

echo "== build (the bench module and the modules it needs, in this checkout; nothing installed)"
mvn -B -q -ntp -pl bench -am -Dmaven.test.skip=true package
# A private copy: other builds may reinstall the engine while the measurements run.
cp bench/target/benchmarks.jar "$OUT/benchmarks.jar"
FLAGS=(--add-exports java.base/jdk.internal.vm=ALL-UNNAMED -Xss4m)

echo "== 1. reduction table"
"$JAVA" "${FLAGS[@]}" -cp "$OUT/benchmarks.jar" dev.whylock.bench.ReductionTable > "$OUT/reduction.md"

echo "== 2. stress versus exploration"
"$JAVA" "${FLAGS[@]}" -cp "$OUT/benchmarks.jar" dev.whylock.bench.StressVersusExploration \
  "${STRESS_RUNS:-1000}" "${STRESS_SECONDS:-60}" "${PCT_SEEDS:-5}" > "$OUT/stress.md" 2> "$OUT/stress.err"

echo "== 4a. Fray (instrumented JDK via the jlink wrapper) and whylock, mvn -Pcompare"
FRAY_JDK=$(bench/fray-jdk.sh "$JAVA_HOME" "$PWD/bench/target/fray-jdk25")
JDK25_HOME="$FRAY_JDK" mvn -B -ntp -pl bench -am -Pcompare verify -Dplugin.jdkPath="$FRAY_JDK" -DskipITs \
  -Dtest=FrayYardstickTest,FrayCompareTest,WhylockCompareTest -Dsurefire.failIfNoSpecifiedTests=false -Dcompare.out="$PWD/$OUT" > "$OUT/maven-compare.log" 2>&1 || { echo "mvn -Pcompare failed: see $OUT/maven-compare.log"; exit 1; }

echo "== 4b. Lincheck, one JVM per program"
mvn -B -q -ntp -pl bench -am -Pcompare -Dmaven.test.skip=true package dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/cp.txt" -Dmdep.includeScope=test > /dev/null
CP="$(cat "$OUT/cp.txt"):bench/target/compare-classes:bench/target/classes"
for p in lost-update check-then-act ab-ba missed-signal work-stealing-queue ethtool-vs-cage-unbind; do
  for v in buggy fixed; do
    budget=${LINCHECK_BUDGET:-10000}
    [[ $v == fixed ]] && budget=${LINCHECK_FIXED:-200}
    if ! timeout 600 "$JAVA" -XX:+EnableDynamicAgentLoading -Dcompare.out="$PWD/$OUT" -cp "$CP" \
        dev.whylock.bench.compare.LincheckRun "$p" "$v" "$budget" > "$OUT/lincheck-$p-$v.log" 2>&1; then
      echo "lincheck $p $v: exit $? (see $OUT/lincheck-$p-$v.log)" | tee -a "$OUT/errors.txt"
    fi
  done
done

"$JAVA" -cp "$CP" dev.whylock.bench.compare.CompareTable "$OUT/results.tsv" > "$OUT/compare.md"
echo "== done: $OUT/{environment.txt,reduction.md,stress.md,compare.md}"
