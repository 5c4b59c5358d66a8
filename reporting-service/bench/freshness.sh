#!/usr/bin/env bash
# Freshness (scored attempt -> visible in the student tracker and class map, p50/p95/p99, with the
# broker's own produce->consume latency as a baseline in the same run) and rebuild time, measured
# in one process against the embedded broker, PostgreSQL and MongoDB stand-in.
#
#   reporting-service/bench/freshness.sh [samples=200] [intervalMs=50] [rebuildStudents=300]
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -o -pl reporting-service test-compile
./mvnw -q -B -o -pl reporting-service dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="reporting-service/target/test-classes:reporting-service/target/classes:$(cat reporting-service/target/bench.classpath)"
AXONIQ_UPDATE_CHECKER_DISABLED=true exec java -Xmx1g -XX:+UseSerialGC -cp "$CP" org.mastery.reporting.bench.FreshnessBenchmark "$@"
