#!/usr/bin/env bash
# Times `amalgamate` over 10, 50 and 200 generated providers and prints a table of wall time and
# peak memory (GNU time). Needs the generator in ../shared/tools and python3; installs GNU time.
#   bench/amalgamate.sh [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-1}"
# the provider generator, beside the project (or wherever GEN_PROVIDERS points)
gen="${GEN_PROVIDERS:-../shared/tools/gen-providers.py}"
[ -f "$gen" ] || { echo "bench/amalgamate.sh: $gen is missing (set GEN_PROVIDERS to the generator's path)" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -q time >/dev/null
fi
./build-report.sh --version >/dev/null      # builds the jar first if needed
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '| providers | wall time (s) | peak RSS (MiB) | PDF pages |\n|---:|---:|---:|---:|\n'
for n in 10 50 200; do
  python3 "$gen" --count "$n" --out "$work/p$n" --seed "$seed" >/dev/null
  # as a user runs it: through build-report.sh and its JVM options
  /usr/bin/time -f "%e %M" -o "$work/t$n" ./build-report.sh amalgamate "$work/p$n" -o "$work/out$n" >/dev/null 2>&1
  read -r secs kb < "$work/t$n"
  pages=$(pdfinfo "$work/out$n/health-annual-report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  printf '| %d | %s | %d | %s |\n' "$n" "$secs" "$((kb / 1024))" "${pages:--}"
done
