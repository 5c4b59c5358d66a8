#!/usr/bin/env bash
# Freshness through the gateway: a scored attempt -> visible in the student tracker and the class map
# (p50/p95/p99/max, with the round trip of one read of each view as the baseline, in the same run).
# Needs a running platform with the demo district loaded (deploy/mastery up).
#
#   deploy/demo-district/freshness.sh [--samples 100] [--interval-ms 250] [--poll-ms 10] [--state FILE]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f deploy/demo-district/target/demo-district.jar ] || ./mvnw -q -B -pl deploy/demo-district -am package -DskipTests
exec java -cp deploy/demo-district/target/demo-district.jar org.mastery.demo.FreshnessProbe "$@"
