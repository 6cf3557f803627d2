#!/usr/bin/python3
"""Regenerates engine-udf/src/test/resources/reference/ocio-builtins.tsv: OpenColorIO 2.1's built-in ACES input
transforms (Debian python3-pyopencolorio) applied to a sweep of code values, as an independent reference for Rushes'
camera log curves and gamut matrices (CameraInputsTest). Run with the system python3 (Debian's module)."""
import os
import PyOpenColorIO as OCIO

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "engine-udf", "src", "test", "resources", "reference", "ocio-builtins.tsv")
BUILTINS = [
    "ACEScc_to_ACES2065-1", "ACEScct_to_ACES2065-1", "ACEScg_to_ACES2065-1",
    "ARRI_ALEXA-LOGC-EI800-AWG_to_ACES2065-1", "SONY_SLOG3-SGAMUT3_to_ACES2065-1", "SONY_SLOG3-SGAMUT3.CINE_to_ACES2065-1",
    "RED_LOG3G10-RWG_to_ACES2065-1", "CANON_CLOG2-CGAMUT_to_ACES2065-1", "CANON_CLOG3-CGAMUT_to_ACES2065-1",
    "PANASONIC_VLOG-VGAMUT_to_ACES2065-1", "SONY_SLOG3-SGAMUT3-VENICE_to_ACES2065-1", "SONY_SLOG3-SGAMUT3.CINE-VENICE_to_ACES2065-1",
    "ACESproxy10i_to_ACES2065-1",
]
CODES = [-0.05, 0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
config = OCIO.Config.CreateRaw()
with open(OUT, "w") as out:
    out.write("builtin\tin_r\tin_g\tin_b\tout_r\tout_g\tout_b\n")
    for name in BUILTINS:
        cpu = config.getProcessor(OCIO.BuiltinTransform(name)).getDefaultCPUProcessor()
        triplets = [(c, c, c) for c in CODES] + [(0.6, 0.4, 0.2), (0.2, 0.5, 0.7), (0.45, 0.45, 0.3), (0.9, 0.1, 0.5)]
        if name.startswith("ACESproxy"):
            triplets = [(n / 1023.0, n / 1023.0, n / 1023.0) for n in (64, 100, 256, 425, 600, 800, 940)] + [(300 / 1023.0, 500 / 1023.0, 700 / 1023.0)]
        for t in triplets:
            r = cpu.applyRGB(list(t))
            out.write("%s\t%r\t%r\t%r\t%.9g\t%.9g\t%.9g\n" % ((name,) + t + tuple(r)))
    # The ACES 1.3 Reference Gamut Compression look, on colours in and far out of AP1.
    cpu = config.getProcessor(OCIO.BuiltinTransform("ACES-LMT - ACES 1.3 Reference Gamut Compression")).getDefaultCPUProcessor()
    levels = [-0.2, -0.02, 0.0, 0.05, 0.18, 0.6, 1.0, 4.0]
    for t in [(r, g, b) for r in levels for g in levels for b in levels]:
        r = cpu.applyRGB(list(t))
        out.write("%s\t%r\t%r\t%r\t%.9g\t%.9g\t%.9g\n" % (("ACES-LMT - ACES 1.3 Reference Gamut Compression",) + t + tuple(r)))
print("wrote", OUT)
