#!/usr/bin/env bash
# JMH kernels of the image engine (lossless JPEG decode, demosaics, development to ACES) on the 12 MP
# GoPro sample, one thread. Extra arguments go to JMH (e.g. a benchmark name regex, -f 1 -wi 1 -i 3).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
mvn -q -B -Dstyle.color=never -pl engine-udf -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath >/dev/null
export RUSHES_SAMPLES="${RUSHES_SAMPLES:-$here/../shared/samples}"
exec java -cp "engine-udf/target/test-classes:engine-udf/target/classes:$(cat engine-udf/target/test.classpath)" \
  org.openjdk.jmh.Main "${@:-io.rushes.engine.bench}"
