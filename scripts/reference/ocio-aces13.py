#!/usr/bin/python3
"""Regenerates engine-udf/src/test/resources/reference/ocio-aces13.tsv: OpenColorIO 2.1's built-in ACES 1.3 SDR and HDR output
transforms (Debian python3-pyopencolorio), ACES2065-1 in, display code values out, on a dense sweep: a grey ramp over
the whole scene range and a lattice of colours. Aces13Test compares Rushes' RRT + ODT with it."""
import itertools
import os
import PyOpenColorIO as OCIO

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "engine-udf", "src", "test", "resources", "reference", "ocio-aces13.tsv")
OUTPUTS = {
    "REC709_100NITS_DIM": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO_1.0", "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.709"),
    "SRGB_100NITS_DIM": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO_1.0", "DISPLAY - CIE-XYZ-D65_to_sRGB"),
    "P3D65_48NITS": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-CINEMA_1.0", "DISPLAY - CIE-XYZ-D65_to_G2.6-P3-D65"),
    # The CTL's P3D60 ODT does not adapt; OCIO's D65 XYZ output adapted back to D60 (Bradford both ways) is the same.
    "P3D60_48NITS": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-CINEMA_1.0", "DISPLAY - CIE-XYZ-D65_to_G2.6-P3-D60-BFD"),
    "REC2020_100NITS_DIM": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO_1.0", "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.2020"),
    "REC2020_1000NITS_15NITS_ST2084": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-1000nit-15nit-REC2020lim_1.1", "DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ"),
    "REC2020_2000NITS_15NITS_ST2084": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-2000nit-15nit-REC2020lim_1.1", "DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ"),
    "REC2020_4000NITS_15NITS_ST2084": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-4000nit-15nit-REC2020lim_1.1", "DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ"),
    "P3D65_1000NITS_15NITS_ST2084": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-1000nit-15nit-P3lim_1.1", "DISPLAY - CIE-XYZ-D65_to_ST2084-P3-D65"),
    "P3D65_108NITS_7_2NITS_ST2084": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-CINEMA-108nit-7.2nit-P3lim_1.1", "DISPLAY - CIE-XYZ-D65_to_ST2084-P3-D65"),
}
greys = [0.18 * 2 ** (s / 4.0) for s in range(-48, 41)]
levels = [0.0, 0.002, 0.01, 0.05, 0.18, 0.5, 1.0, 3.0, 10.0]
colours = [c for c in itertools.product(levels, repeat=3) if not (c[0] == c[1] == c[2])]
config = OCIO.Config.CreateRaw()
with open(OUT, "w") as out:
    out.write("display\tin_r\tin_g\tin_b\tout_r\tout_g\tout_b\n")
    for name, (output, display) in OUTPUTS.items():
        group = OCIO.GroupTransform([OCIO.BuiltinTransform(output), OCIO.BuiltinTransform(display)])
        cpu = config.getProcessor(group).getDefaultCPUProcessor()
        for rgb in [(g, g, g) for g in greys] + colours:
            r = cpu.applyRGB(list(rgb))
            out.write("%s\t%r\t%r\t%r\t%.9g\t%.9g\t%.9g\n" % ((name,) + tuple(rgb) + tuple(r)))
    # The inverse SDR transforms (display code values in, ACES2065-1 out), on a lattice of code values.
    codes = [0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.98]
    for name in ("REC709_100NITS_DIM", "SRGB_100NITS_DIM", "P3D65_48NITS"):
        output, display = OUTPUTS[name]
        group = OCIO.GroupTransform([OCIO.BuiltinTransform(output), OCIO.BuiltinTransform(display)])
        cpu = config.getProcessor(group, OCIO.TRANSFORM_DIR_INVERSE).getDefaultCPUProcessor()
        for rgb in itertools.product(codes, repeat=3):
            r = cpu.applyRGB(list(rgb))
            out.write("INV_%s\t%r\t%r\t%r\t%.9g\t%.9g\t%.9g\n" % ((name,) + tuple(rgb) + tuple(r)))
print("wrote", OUT)
