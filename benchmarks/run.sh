#!/usr/bin/env bash
# Builds and runs every benchmark of issue 7 (about 15 minutes on 2 cores); prints one line per
# figure, "NAME value unit" or "NAME ratio=X", and draws ratios.png from them.
#   benchmarks/run.sh                 everything
#   BENCH_PARTS="codec race spark floor plan" BENCH_RUNS=3 BENCH_JMH_ITERATIONS=3 BENCH_WORK=/tmp/lindi-bench benchmarks/run.sh
# Nothing here runs during "mvn test": the benchmarks live in src/main and have no tests.
# Maven may fetch what ~/.m2 lacks (JMH, Spark); set BENCH_MVN_OFFLINE=-o to run offline.
# BENCH_JFR=1 records the spark and plan parts with JFR (settings=profile) into BENCH_WORK; summarise
# them with jfr-hot.sh. Off by default: the profiler's own cost (about 15% on the plan part) would
# enter the figures.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
parts="${BENCH_PARTS:-codec race spark floor plan}"
runs="${BENCH_RUNS:-3}"
work="${BENCH_WORK:-${TMPDIR:-/tmp}/lindi-bench}"
out="${BENCH_OUT:-$here/target/figures.txt}"
offline="${BENCH_MVN_OFFLINE-}"
jfr() { [ "${BENCH_JFR:-0}" = 1 ] && echo "-XX:StartFlightRecording=filename=$1,settings=profile" || true; }

cd "$root"
echo "# build $(date -u +%FT%TZ)" >&2
mvn $offline -q -B -DskipTests install -pl hadoop-fs,connector -am >&2
mvn $offline -q -B -DskipTests package -pl benchmarks >&2
mvn $offline -q -B -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath.txt \
    -Dmdep.includeScope=runtime >&2
cp="$here/target/lindi-benchmarks-0.1.0-SNAPSHOT.jar:$(cat "$here/target/classpath.txt")"
# the add-opens Spark needs on Java 17, as the parent pom gives its tests
opens="$(sed -n 's:.*<test.jvm.opens>\(.*\)</test.jvm.opens>.*:\1:p' "$root/pom.xml")"
export SPARK_LOCAL_IP=127.0.0.1

mkdir -p "$(dirname "$out")" "$work"
: > "$out"
echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
for part in $parts; do
  echo "# $part: start $(date -u +%T), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  case "$part" in
    codec) java -Xmx1g -Dbench.out="$out" -Dbench.jmh.iterations="${BENCH_JMH_ITERATIONS:-3}" -cp "$cp" \
        org.lindi.bench.CodecBenchMain 2> "$work/codec.log" | tee "$work/codec.jmh.txt" \
        | grep -E '^([a-z][^ ]* [^ ]+ (MB/s|ratio=)|[a-z][^ ]* ratio=|# blosc)' || true ;;
    race) java -Xmx1g -Dbench.out="$out" -cp "$cp" org.lindi.bench.BloscRaceMain 2> "$work/race.log" ;;
    spark) java -Xmx10g $opens $(jfr "$work/spark.jfr") -Dbench.out="$out" -cp "$cp" org.lindi.bench.SparkBench "$work/spark" "$runs" \
        2> "$work/spark.log" ;;
    floor) java -Xmx10g $opens $(jfr "$work/floor.jfr") -Dbench.out="$out" -cp "$cp" org.lindi.bench.NoopFloorBench "$work/spark" 7 \
        2> "$work/floor.log" ;;
    plan) java -Xmx4g $opens $(jfr "$work/plan.jfr") -Dbench.out="$out" -cp "$cp" org.lindi.bench.PlanBench "$work/plan" 3 \
        2> "$work/plan.log" ;;
    *) echo "unknown part $part" >&2; exit 2 ;;
  esac
  echo "# $part: end $(date -u +%T), load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
if /usr/bin/python3 -c 'import matplotlib' 2>/dev/null; then
  /usr/bin/python3 "$here/chart.py" "$out" "$here/target/ratios.png" && echo "# chart: $here/target/ratios.png"
else
  echo "# no matplotlib for /usr/bin/python3 (apt-get install python3-matplotlib): no chart" >&2
fi
