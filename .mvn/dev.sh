#!/usr/bin/env bash
# Live-reload development mode: ./.mvn/dev.sh [-Dcontrolplane.project-root=/path/to/project]
#
# quarkus:dev needs io.quarkus.qute:qute-debug:3.33.2, a dev-mode-only artifact that some Maven mirrors do not
# serve. When it cannot be resolved, this installs the next release (3.34.1) under that version into the LOCAL
# repository only (~/.m2), so dev mode starts; the packaged application never contains it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ./mvnw -B -q dependency:get -Dartifact=io.quarkus.qute:qute-debug:3.33.2 >/dev/null 2>&1; then
  echo "==> io.quarkus.qute:qute-debug:3.33.2 is not served by this Maven mirror: installing 3.34.1 in its place (local repository only)"
  shim=target/dev-shim
  ./mvnw -B -q dependency:copy -Dartifact=io.quarkus.qute:qute-debug:3.34.1 -DoutputDirectory="$shim"
  ./mvnw -B -q dependency:copy -Dartifact=io.quarkus.qute:qute-debug:3.34.1:pom -DoutputDirectory="$shim"
  sed 's#<version>3.34.1</version>#<version>3.33.2</version>#' "$shim/qute-debug-3.34.1.pom" > "$shim/qute-debug-3.33.2.pom"
  ./mvnw -B -q install:install-file -Dfile="$shim/qute-debug-3.34.1.jar" -DpomFile="$shim/qute-debug-3.33.2.pom"
fi
exec ./mvnw quarkus:dev "$@"
