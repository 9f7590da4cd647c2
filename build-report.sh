#!/usr/bin/env bash
# Builds the tool when its jar is missing or older than the sources, then runs it.
# With no arguments it builds the sample bundle in content/ into out/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$ROOT/target/safeguarding-report.jar"
SAMPLE="$ROOT/content/north-wessex-2023-24"

if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/src/main" "$ROOT/report-templates" -newer "$JAR" -print -quit 2>/dev/null)" ]; then
  command -v mvn >/dev/null 2>&1 || { echo "build-report.sh: Maven (mvn) is needed to build the tool the first time" >&2; exit 3; }
  echo "Building the report tool (first run, or its sources changed); the first run downloads its libraries and takes a minute or two..." >&2
  # progress, not Maven's full log: each step as it starts and a count of downloads; all of it if the build fails
  log="$(mktemp)"
  if (cd "$ROOT" && mvn -B -Dstyle.color=never -DskipTests package 2>&1) | sed -e 's/\x1b\[[0-9;]*m//g' | tee "$log" \
      | awk '/^\[INFO\] --- / { split($3, p, ":"); sub(/^maven-/, "", p[1]); sub(/-plugin$/, "", p[1]);
                                   printf "  %s...\n", p[1]; fflush() }
             /^\[INFO\] Downloaded from/ { n++; if (n % 100 == 0) { printf "  downloaded %d libraries...\n", n; fflush() } }' >&2 \
      && grep -q '^\[INFO\] BUILD SUCCESS' "$log"; then
    rm -f "$log"
  else
    cat "$log" >&2
    rm -f "$log"
    echo "build-report.sh: building the tool failed (see the Maven output above)" >&2
    exit 3
  fi
  echo "Built $JAR" >&2
fi

# A class-data archive of the classes a build loads, made once per jar by building the sample: the
# JVM then maps them instead of loading and verifying them again (about a sixth of a cold build).
# A missing or stale archive is simply not used.
ARCHIVE="$ROOT/target/safeguarding-report.jsa"
JVM=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true -Dreport.home="$ROOT")
if [ -d "$SAMPLE" ] && [ -w "$ROOT/target" ] && { [ ! -f "$ARCHIVE" ] || [ "$JAR" -nt "$ARCHIVE" ]; }; then
  train="$(mktemp -d)"
  # the archive is written when the JVM exits, whatever the sample build's outcome
  java -XX:ArchiveClassesAtExit="$train/archive.jsa" "${JVM[@]}" -jar "$JAR" build "$SAMPLE" -o "$train/out" \
    >/dev/null 2>&1 || true
  if [ -f "$train/archive.jsa" ]; then
    mv -f "$train/archive.jsa" "$ARCHIVE" 2>/dev/null || true
  fi
  rm -rf "$train"
fi
[ -f "$ARCHIVE" ] && JVM+=(-XX:SharedArchiveFile="$ARCHIVE")

if [ $# -eq 0 ]; then
  set -- build "$SAMPLE" -o "out/$(basename "$SAMPLE")"
fi

# Short-lived command-line runs: the C1 compiler and the serial collector start fastest. The preview
# server lives for as long as the nurse writes: it rebuilds fastest with the optimising compiler, and
# with the parallel collector, whose young collections use both cores (a third less time per rebuild
# than the serial collector's pauses, bench/RESULTS.md).
if [ "$1" = "preview" ]; then
  RUN=()
  for opt in "${JVM[@]}"; do
    case "$opt" in
      -XX:TieredStopAtLevel=1) ;;
      -XX:+UseSerialGC) RUN+=(-XX:+UseParallelGC) ;;
      *) RUN+=("$opt") ;;
    esac
  done
  JVM=("${RUN[@]}")
fi
exec java "${JVM[@]}" -jar "$JAR" "$@"
