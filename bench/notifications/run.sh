#!/usr/bin/env bash
# Notification benchmark: 1,000,000 licences in the read model; one reminder scan (time to find today's
# due reminders, with its query plan, and to queue their mails); sending throughput to a local SMTP
# server (GreenMail). Not part of the test suite.
#
#   bench/notifications/run.sh [licences=1000000] [smtp-connections=4] [mails-per-round=10000]
#
# Needs only Java 17 and the Maven wrapper: PostgreSQL and GreenMail run embedded in the benchmark JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -o install -DskipTests -pl platform,platform-test 2>/dev/null || ./mvnw -B -q install -DskipTests -pl platform,platform-test
./mvnw -B -q -o -pl notification-service test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
module=notification-service
exec java -Xmx3g -XX:+UseParallelGC ${BENCH_JAVA_OPTS:-} \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  org.customerportal.notification.bench.NotificationBenchmark "$@"
