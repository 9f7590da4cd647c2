#!/usr/bin/env bash
# The preview's edit-to-page time (issue 22): a bundle grown to about 15,000 words (57 pages) from
# ../shared/tools/gen-providers.py output, served by `build-report.sh preview`; one section file is
# edited 20 times, a second apart, and the "built" event and the changed page images are timed.
#   bench/preview.sh [SEED] [EDITS]      (EDIT_AT=middle: each sentence goes halfway down the section)
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-5}"
edits="${2:-20}"
gen="${GEN_PROVIDERS:-../shared/tools/gen-providers.py}"
[ -f "$gen" ] || { echo "bench/preview.sh: $gen is missing (set GEN_PROVIDERS to the generator's path)" >&2; exit 2; }
./build-report.sh --version >/dev/null
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
python3 "$gen" --count 12 --out "$work/providers" --seed "$seed" >/dev/null
words=$(python3 bench/grow-bundle.py "$work/providers" 15000 "$work/b")
./build-report.sh preview "$work/b" > "$work/out.txt" 2>&1 &
server=$!
for _ in $(seq 1 600); do grep -q 'http://127.0.0.1' "$work/out.txt" && break; sleep 0.1; done
address=$(grep -o 'http://127\.0\.0\.1:[0-9]*/?t=[A-Za-z0-9_-]*' "$work/out.txt" | head -1)
[ -n "$address" ] || { cat "$work/out.txt" >&2; exit 1; }
section=$(ls "$work/b/narrative/"standard-8.md 2>/dev/null || ls "$work/b/narrative/"*.md | head -1)
echo "Preview of $words words; editing $(basename "$section") $edits times"
python3 bench/preview-edits.py "$address" "$section" "$edits" ${VERBOSE:+-v}
