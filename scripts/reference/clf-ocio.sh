#!/usr/bin/env bash
# Regenerates engine-udf/src/test/resources/reference/clf-ocio.tsv: what OpenColorIO (Debian opencolorio-tools,
# ociochecklut) computes for a fixed set of RGB inputs through every legal file of the CLF v3 test suite in
# ../shared/samples/clf. ClfValuesTest compares Rushes' CLF evaluation with it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
samples="${RUSHES_SAMPLES:-$here/../shared/samples}"
suite="$samples/clf/OpenColorIO/tests/data/files/clf"
out="$here/engine-udf/src/test/resources/reference/clf-ocio.tsv"
command -v ociochecklut >/dev/null || { echo "ociochecklut not found: apt-get install opencolorio-tools" >&2; exit 1; }
inputs=("0 0 0" "1 1 1" "0.18 0.18 0.18" "0.5 0.25 0.125" "0.9 0.1 0.6" "0.02 0.7 0.33" "1.5 -0.2 0.75" "-0.1 0.05 2.0" "0.001 0.004 0.0005")
{
  printf 'file\tin_r\tin_g\tin_b\tout_r\tout_g\tout_b\n'
  # The CLF suite's legal files, and the ASC CDL .cc samples beside it (which OCIO applies without clamping).
  (cd "$suite" && { find . -name '*.clf' -not -path '*illegal*'; find .. -maxdepth 1 -name '*.cc'; } | sed 's|^\./||' | LC_ALL=C sort) | while read -r f; do
    for i in "${inputs[@]}"; do
      # shellcheck disable=SC2086
      if result=$(ociochecklut "$suite/$f" $i 2>/dev/null | tail -1) && [[ "$result" =~ ^[-0-9.e+naif\ ]+$ ]]; then
        printf '%s\t%s\t%s\n' "$f" "$(echo $i | tr ' ' '\t')" "$(echo $result | tr ' ' '\t')"
      fi
    done
  done
} > "$out"
echo "wrote $(($(wc -l < "$out") - 1)) rows to $out"
