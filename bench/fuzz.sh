#!/usr/bin/env bash
# A longer fuzz run than the test suite's: every generated Markdown, front matter and JSON input
# must give output or diagnostics, never an escaped exception.
#   bench/fuzz.sh [ITERATIONS] [SEED]     e.g. bench/fuzz.sh 200000 7
set -euo pipefail
cd "$(dirname "$0")/.."
iterations="${1:-100000}"
seed="${2:-$(date +%s)}"
echo "fuzzing with $iterations inputs per target, seed $seed"
mvn -B -q -Dstyle.color=never test -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.iterations="$iterations" -Dfuzz.seed="$seed"
echo "no input made the readers or renderers throw"
