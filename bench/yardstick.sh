#!/usr/bin/env bash
# Issue 15: the yardstick. whylock, Fray 0.9.2 and Lincheck 3.7 on the SAME class files (the programs of
# bench/src/main/java/dev/whylock/bench/yardstick, with the bug patterns of SCTBench's Java ports and
# JaConTeBe), the same budget of executions per program, written to bench/target/yardstick/:
#   results.tsv  one line per tool and program;  yardstick.md  the table of docs/performance.md
#   classes.sha256  the class files every tool ran
# Needs JDK 25 and (once) Maven Central for Fray and Lincheck. Builds with the reactor (never installs).
# Not part of ./test. Environment: YARDSTICK_BUDGET (2000 executions), YARDSTICK_SECONDS (60 per program and tool).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/find-jdk.sh
JAVA_HOME=$(whylock_find_jdk); export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}"
JAVA="$JAVA_HOME/bin/java"
OUT=bench/target/yardstick
BUDGET=${YARDSTICK_BUDGET:-2000}
SECS=${YARDSTICK_SECONDS:-60}
rm -rf "$OUT"
mkdir -p "$OUT"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "commit: $(git rev-parse --short HEAD)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "jdk: $("$JAVA" -version 2>&1 | head -2 | tail -1)"
  echo "budget: $BUDGET executions and $SECS s per program and tool"
} > "$OUT/environment.txt"

echo "== build (reactor package; the compare profile adds Fray and Lincheck as test dependencies)"
FRAY_JDK=$(bench/fray-jdk.sh "$JAVA_HOME" "$PWD/bench/target/fray-jdk25")
mvn -B -q -ntp -pl bench -am -Dmaven.test.skip=true package
cp bench/target/benchmarks.jar "$OUT/benchmarks.jar"
mkdir -p "$OUT/classes/dev/whylock/bench"
cp -r bench/target/classes/dev/whylock/bench/yardstick "$OUT/classes/dev/whylock/bench/"
(cd "$OUT/classes" && find . -name '*.class' | sort | xargs sha256sum) > "$OUT/classes.sha256"
CLASSES=$(cd "$OUT/classes" && ls dev/whylock/bench/yardstick/*.class | grep -v '\$' | grep -v package-info | sed 's/\.class$//; s#/#.#g')

echo "== whylock (DPOR to the first failure, then a random walk of the budget for executions/s)"
"$JAVA" --add-exports java.base/jdk.internal.vm=ALL-UNNAMED -Xss4m -cp "$OUT/benchmarks.jar" \
  dev.whylock.bench.YardstickWhylock "$PWD/$OUT/results.tsv" "$OUT/classes" "$BUDGET" "$SECS" $CLASSES > "$OUT/whylock.log" 2>&1

echo "== Fray (instrumented JDK; POS as fray-junit ships it, then with memory interleaving)"
JDK25_HOME="$FRAY_JDK" mvn -B -ntp -pl bench -am -Pcompare verify -Dplugin.jdkPath="$FRAY_JDK" -DskipITs \
  -Dtest=FrayYardstickTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dyardstick.classes="$(echo $CLASSES | tr ' ' ',')" -Dyardstick.budget="$BUDGET" -Dyardstick.seconds="$SECS" \
  -Dyardstick.out="$PWD/$OUT/results.tsv" > "$OUT/fray.log" 2>&1 || echo "fray: maven exit $? (see $OUT/fray.log)" | tee -a "$OUT/errors.txt"
# The class files Fray ran (target/classes) must be the ones whylock and Lincheck ran.
(cd bench/target/classes && find ./dev/whylock/bench/yardstick -name '*.class' | sort | xargs sha256sum) | diff - "$OUT/classes.sha256" \
  > /dev/null || echo "class files changed during the run" | tee -a "$OUT/errors.txt"

echo "== Lincheck (one JVM per program; main called by reflection, then directly on three programs)"
JDK25_HOME="$FRAY_JDK" mvn -B -q -ntp -pl bench -am -Pcompare -DskipTests -Dplugin.jdkPath="$FRAY_JDK" package dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$OUT/cp.txt" -Dmdep.includeScope=test > "$OUT/lincheck-build.log" 2>&1
CP="$OUT/classes:$(cat "$OUT/cp.txt"):bench/target/compare-classes:bench/target/classes"
for c in $CLASSES; do
  timeout 600 "$JAVA" -XX:+EnableDynamicAgentLoading -cp "$CP" dev.whylock.bench.compare.LincheckYardstickRun \
      "$PWD/$OUT/results.tsv" "$c" "$BUDGET" > "$OUT/lincheck-${c##*.}.log" 2>&1 || echo "lincheck $c: exit $?" | tee -a "$OUT/errors.txt"
done
# Called directly, Lincheck 3.7 reports "Concurrent test has hung" at its first invocation of these programs, fixed ones included.
for c in dev.whylock.bench.yardstick.WrongLock dev.whylock.bench.yardstick.WrongLockFixed dev.whylock.bench.yardstick.TwoStageFixed; do
  timeout 600 "$JAVA" -XX:+EnableDynamicAgentLoading -cp "$CP" dev.whylock.bench.compare.LincheckYardstickRun \
      "$PWD/$OUT/results.tsv" "$c" "$BUDGET" direct > "$OUT/lincheck-direct-${c##*.}.log" 2>&1 || echo "lincheck direct $c: exit $?" | tee -a "$OUT/errors.txt"
done

"$JAVA" -cp "$OUT/benchmarks.jar" dev.whylock.bench.YardstickTable "$OUT/results.tsv" > "$OUT/yardstick.md"
echo "== done: $OUT/{environment.txt,results.tsv,yardstick.md}"
