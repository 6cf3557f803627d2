#!/usr/bin/python3
"""The peer for `rushes bench color`: OpenColorIO 2.1 (Debian python3-pyopencolorio, python3-numpy) running its
built-in ACES 1.3 output (ACES2065-1 -> SDR video -> Rec.1886 Rec.709) on a UHD float frame drawn as Rushes draws
its own (grey exposures over 10 stops, colours from neutral to twice the grey). Prints the best CPU-seconds of
three runs, one line: `ocio_cpu_seconds <s>`. OCIO 2.1 has no ACES 2.0 built-in (that came in 2.4)."""
import sys
import time

import numpy as np
import PyOpenColorIO as OCIO

width, height = 3840, 2160
rng = np.random.default_rng(3)
exposure = 0.18 * 2 ** (-6 + 10 * rng.random((width * height, 1)))
saturation = rng.random((width * height, 1))
frame = (exposure * (1 - saturation + saturation * 2 * rng.random((width * height, 3)))).astype(np.float32)
group = OCIO.GroupTransform([OCIO.BuiltinTransform("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO_1.0"),
                             OCIO.BuiltinTransform("DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.709")])
cpu = OCIO.Config.CreateRaw().getProcessor(group).getDefaultCPUProcessor()
best = float("inf")
for _ in range(3):
    image = frame.copy()
    start = time.process_time()
    cpu.applyRGB(image)
    best = min(best, time.process_time() - start)
print("ocio_cpu_seconds %.4f" % best)
sys.stdout.flush()
