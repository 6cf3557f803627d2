#!/usr/bin/env bash
# Regenerates engine-udf/src/test/resources/reference/demosaic-psnr.tsv: colour PSNR of dcraw's demosaics
# (Debian package dcraw: bilinear, VNG, PPG, AHD) and of Rushes' on ground truth binned 2x2 from the real
# GoPro sensor frame, shifted onto each CFA phase (`rushes bench demosaic`). DemosaicQualityTest checks that
# Rushes' bilinear still equals dcraw's on every frame and that RCD scores at least dcraw's AHD.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
command -v dcraw >/dev/null || { echo "dcraw not found: apt-get install dcraw" >&2; exit 1; }
cd "$here"
./rushes bench demosaic --tsv engine-udf/src/test/resources/reference/demosaic-psnr.tsv
