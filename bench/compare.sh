#!/usr/bin/env bash
# Our cold build (PDF + Word + audit, through build-report.sh as a user runs it) against the peer
# pipeline on the same narrative: pandoc -> Word, and pandoc -> HTML -> WeasyPrint -> PDF.
# Bundles of about 5k, 15k and 50k words are grown from ../shared/tools/gen-providers.py output.
# Prints a Markdown table: median wall time (hyperfine), ratio, peak RSS (GNU time), pages; then a
# warm rebuild inside one JVM.  Installs pandoc, weasyprint, hyperfine, time, poppler-utils.
#   bench/compare.sh [SEED] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-5}"
runs="${2:-5}"
# the provider generator, beside the project (or wherever GEN_PROVIDERS points)
gen="${GEN_PROVIDERS:-../shared/tools/gen-providers.py}"
[ -f "$gen" ] || { echo "bench/compare.sh: $gen is missing (set GEN_PROVIDERS to the generator's path)" >&2; exit 2; }
need=()
for c in pandoc:pandoc weasyprint:weasyprint hyperfine:hyperfine /usr/bin/time:time pdfinfo:poppler-utils; do
  command -v "${c%%:*}" >/dev/null 2>&1 || need+=("${c##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -q "${need[@]}" >/dev/null
fi
./build-report.sh --version >/dev/null      # builds the jar (and its class archive) first if needed
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$gen" --count 12 --out "$work/providers" --seed "$seed" >/dev/null
template="report-templates/dorset-2019/template.json"

printf '| words | ours: median (s) | peer: median (s) | ours / peer | ours: peak RSS (MiB) | peer: peak RSS (MiB) | ours: pages | peer: pages |\n'
printf '|---:|---:|---:|---:|---:|---:|---:|---:|\n'
for target in 5000 15000 50000; do
  b="$work/b$target"
  words=$(python3 bench/grow-bundle.py "$work/providers" "$target" "$b")
  peer="$work/peer$target"
  mkdir -p "$peer"
  python3 bench/peer-markdown.py "$b" "$template" "$peer/report.md"
  cp -r "$b/images" "$peer/" 2>/dev/null || true
  ours_cmd="./build-report.sh build $b -o $work/ours$target"
  peer_cmd="cd $peer && pandoc report.md -o report.docx && pandoc report.md -s --metadata title=Report -o report.html && weasyprint -q report.html report.pdf"
  hyperfine --style none --runs "$runs" --warmup 1 --export-json "$work/h$target.json" \
    --prepare "rm -rf $work/ours$target" -n ours "$ours_cmd" -n peer "$peer_cmd" >/dev/null 2>&1
  read -r ours_s peer_s < <(python3 -c "
import json,sys; r={x['command']:x['median'] for x in json.load(open('$work/h$target.json'))['results']}
print(f\"{r['ours']:.2f} {r['peer']:.2f}\")")
  rm -rf "$work/ours$target"
  /usr/bin/time -f "%M" -o "$work/rss-ours" $ours_cmd >/dev/null 2>&1
  /usr/bin/time -f "%M" -o "$work/rss-peer" sh -c "$peer_cmd" >/dev/null 2>&1
  ours_pages=$(pdfinfo "$work/ours$target/annual-report.pdf" | awk '/^Pages:/ {print $2}')
  peer_pages=$(pdfinfo "$peer/report.pdf" | awk '/^Pages:/ {print $2}')
  ratio=$(python3 -c "print(f'{$ours_s / $peer_s:.2f}')")
  printf '| %s | %s | %s | %s | %d | %d | %s | %s |\n' "$words" "$ours_s" "$peer_s" "$ratio" \
    "$(( $(tail -1 "$work/rss-ours") / 1024 ))" "$(( $(tail -1 "$work/rss-peer") / 1024 ))" "$ours_pages" "$peer_pages"
done

echo
echo "Warm rebuild in one JVM (build run 20 times in the same process, as a watch mode would):"
for target in 5000 15000 50000; do
  printf '  %s words: ' "$target"
  java -XX:+UseSerialGC -Djava.awt.headless=true -cp target/safeguarding-report.jar bench/WarmRebuild.java "$work/b$target" 20 \
    | awk '/first_ms/ {f=$2} /warm_median_ms/ {w=$2} END {printf "first %d ms, warm median %d ms\n", f, w}'
done

echo
echo "Where a warm rebuild's time goes, stage by stage in one thread (15,000 words, 20 runs):"
java -XX:+UseSerialGC -Djava.awt.headless=true -cp target/safeguarding-report.jar bench/WarmPhases.java "$work/b15000" 20
