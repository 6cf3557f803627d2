#!/usr/bin/env bash
# Regenerates engine-udf/src/test/resources/reference/dcraw-raw.tsv: the raw CFA values that dcraw
# (Debian package dcraw) decodes with -D -4 -t 0 (as stored, 16-bit, no scaling, no flip), as a SHA-256
# of the big-endian 16-bit samples, for the real GoPro DNG and for DNGs the project makes (12-bit packed
# and lossless JPEG). DngRawDecoderTest must produce the same digests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
samples="${RUSHES_SAMPLES:-$here/../shared/samples}"
out="$here/engine-udf/src/test/resources/reference/dcraw-raw.tsv"
command -v dcraw >/dev/null || { echo "dcraw not found: apt-get install dcraw" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

digest() { # FILE: width, height and SHA-256 of dcraw's 16-bit samples (the PGM body)
  dcraw -D -4 -t 0 -c "$1" > "$work/raw.pgm"
  python3 - "$work/raw.pgm" <<'PY'
import hashlib, sys
b = open(sys.argv[1], 'rb').read()
i = 0
for _ in range(3):
    i = b.index(b'\n', i) + 1
w, h = b.split(b'\n')[1].split()
print(f"{int(w)}\t{int(h)}\t{hashlib.sha256(b[i:]).hexdigest()}")
PY
}

{
  printf 'id\twidth\theight\tsha256\n'
  printf 'samples:raw/gopro/HERO7_GOPR9231.dng\t%s\n' "$(digest "$samples/raw/gopro/HERO7_GOPR9231.dng")"
  # card:WIDTHxHEIGHT:SEED:COMPRESSION, the first frame of the first clip of `rushes make-card`.
  for card in 96x64:11:none 160x96:12:lj92 250x140:13:lj92; do
    IFS=: read -r size seed compression <<<"$card"
    "$here/rushes" make-card "$work/$card" --clips 1 --frames 1 --size "$size" --seed "$seed" --compression "$compression" >/dev/null
    frame="$(find "$work/$card" -name '*.dng' | sort | head -1)"
    printf 'card:%s\t%s\n' "$card" "$(digest "$frame")"
  done
} > "$out"
echo "wrote $out"
