#!/usr/bin/env bash
# Regenerates engine-udf/src/test/resources/reference/openexr-headers.tsv from OpenEXR's own `exrheader`
# (Debian package openexr): display window size, compression and part count of every sample .exr.
# The OpenExrHeaderTest compares Rushes' reader with this independent reference.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
samples="${RUSHES_SAMPLES:-$here/../shared/samples}"
out="$here/engine-udf/src/test/resources/reference/openexr-headers.tsv"
command -v exrheader >/dev/null || { echo "exrheader not found: apt-get install openexr" >&2; exit 1; }
{
  printf 'file\twidth\theight\tcompression\tparts\n'
  cd "$samples"
  find exr_dpx -name '*.exr' | LC_ALL=C sort | while read -r f; do
    exrheader "$f" | awk -v file="$f" '
      /^displayWindow/ && !w {
        # displayWindow (type box2i): (xMin yMin) - (xMax yMax), coordinates may be negative
        n = split($0, v, /[^-0-9]+/); k = 0
        for (i = 1; i <= n; i++) if (v[i] ~ /^-?[0-9]+$/) num[++k] = v[i]
        w = num[k - 1] - num[k - 3] + 1; h = num[k] - num[k - 2] + 1 }
      /^compression/ && !c { c = $4; sub(/,$/, "", c); if ($0 ~ /individual scanlines/) c = c "s" }
      /^ part [0-9]+:/ { parts++ }
      END { printf "%s\t%d\t%d\t%s\t%d\n", file, w, h, c, parts ? parts : 1 }'
  done
} > "$out"
echo "wrote $out"
