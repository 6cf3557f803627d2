#!/usr/bin/python3
"""Regenerates engine-udf/src/test/resources/reference/ocio-aces13.tsv: OpenColorIO 2.1's built-in ACES 1.3 SDR and HDR output
transforms (Debian python3-pyopencolorio), ACES2065-1 in, display code values out, on a dense sweep: a grey ramp over
the whole scene range and a lattice of colours. Aces13Test compares Rushes' RRT + ODT with it.

OCIO 2.1 has no Display P3 (sRGB curve on P3-D65) or DCDM display: those are composed here from OCIO's output
transforms, a primaries matrix computed below from the chromaticities, and the encoding's formula."""
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
    "P3D65_REC709LIMITED_48NITS": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-CINEMA-REC709lim_1.1", "DISPLAY - CIE-XYZ-D65_to_G2.6-P3-D65"),
    "REC2020_REC709LIMITED_100NITS_DIM": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO-REC709lim_1.1", "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.2020"),
    "REC2020_P3D65LIMITED_100NITS_DIM": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO-P3lim_1.1", "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.2020"),
    "P3D65_D60SIM_48NITS": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-CINEMA-D60sim-D65_1.1", "DISPLAY - CIE-XYZ-D65_to_G2.6-P3-D65"),
    "REC709_D60SIM_100NITS_DIM": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO-D60sim-D65_1.0", "DISPLAY - CIE-XYZ-D65_to_REC.1886-REC.709"),
    "SRGB_D60SIM_100NITS_DIM": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO-D60sim-D65_1.0", "DISPLAY - CIE-XYZ-D65_to_sRGB"),
    "P3DCI_48NITS": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-CINEMA-D60sim-DCI_1.0", "DISPLAY - CIE-XYZ-D65_to_G2.6-P3-DCI-BFD"),
    "P3DCI_D65SIM_48NITS": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-CINEMA-D65sim-DCI_1.1", "DISPLAY - CIE-XYZ-D65_to_G2.6-P3-DCI-BFD"),
    "DISPLAYP3_DIM": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO_1.0", "display-p3"),
    "DISPLAYP3_D60SIM_DIM": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-VIDEO-D60sim-D65_1.0", "display-p3"),
    "REC2020_1000NITS_15NITS_HLG": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-1000nit-15nit-REC2020lim_1.1", "DISPLAY - CIE-XYZ-D65_to_REC.2100-HLG-1000nit"),
    "REC2020_1000NITS_15NITS_ST2084": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-1000nit-15nit-REC2020lim_1.1", "DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ"),
    "REC2020_2000NITS_15NITS_ST2084": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-2000nit-15nit-REC2020lim_1.1", "DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ"),
    "REC2020_4000NITS_15NITS_ST2084": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-4000nit-15nit-REC2020lim_1.1", "DISPLAY - CIE-XYZ-D65_to_REC.2100-PQ"),
    "P3D65_1000NITS_15NITS_ST2084": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-VIDEO-1000nit-15nit-P3lim_1.1", "DISPLAY - CIE-XYZ-D65_to_ST2084-P3-D65"),
    "P3D65_108NITS_7_2NITS_ST2084": ("ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - HDR-CINEMA-108nit-7.2nit-P3lim_1.1", "DISPLAY - CIE-XYZ-D65_to_ST2084-P3-D65"),
}


def rgb_to_xyz(rx, ry, gx, gy, bx, by, wx, wy):
    """The RGB → XYZ matrix of a set of primaries (rows), white normalised to Y = 1."""
    cols = [(x / y, 1.0, (1 - x - y) / y) for x, y in ((rx, ry), (gx, gy), (bx, by))]
    w = (wx / wy, 1.0, (1 - wx - wy) / wy)
    m = [[cols[j][i] for j in range(3)] for i in range(3)]
    s = solve(m, w)
    return [[m[i][j] * s[j] for j in range(3)] for i in range(3)]


def solve(m, v):
    """m · x = v for 3x3 m (Cramer's rule)."""
    def det(a):
        return (a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]))
    d = det(m)
    out = []
    for k in range(3):
        a = [row[:] for row in m]
        for i in range(3):
            a[i][k] = v[i]
        out.append(det(a) / d)
    return out


def inverse(m):
    cols = [solve(m, e) for e in ([1, 0, 0], [0, 1, 0], [0, 0, 1])]
    return [[cols[j][i] for j in range(3)] for i in range(3)]


def flat(m):
    return [m[0][0], m[0][1], m[0][2], 0, m[1][0], m[1][1], m[1][2], 0, m[2][0], m[2][1], m[2][2], 0, 0, 0, 0, 1]


P3D65 = rgb_to_xyz(0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.3127, 0.3290)
P3D60 = rgb_to_xyz(0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.32168, 0.33767)
AP0 = rgb_to_xyz(0.7347, 0.2653, 0.0, 1.0, 0.0001, -0.0770, 0.32168, 0.33767)


def display_p3():
    """Display P3: XYZ-D65 → P3-D65 → the sRGB curve (IEC 61966-2-1: gamma 2.4, offset 0.055)."""
    return OCIO.GroupTransform([OCIO.MatrixTransform(flat(inverse(P3D65))),
                                OCIO.ExponentWithLinearTransform([2.4, 2.4, 2.4, 1], [0.055, 0.055, 0.055, 0],
                                                                 direction=OCIO.TRANSFORM_DIR_INVERSE)])


def display(name):
    return display_p3() if name == "display-p3" else OCIO.BuiltinTransform(name)


def dcdm(xyz):
    return tuple(pow(max(v, 0.0) * 48.0 / 52.37, 1 / 2.6) for v in xyz)


def mult(m, v):
    return [sum(m[i][j] * v[j] for j in range(3)) for i in range(3)]


def decode_26(cv):
    return [pow(min(max(c, 0.0), 1.0), 2.6) for c in cv]


greys = [0.18 * 2 ** (s / 4.0) for s in range(-48, 41)]
levels = [0.0, 0.002, 0.01, 0.05, 0.18, 0.5, 1.0, 3.0, 10.0]
colours = [c for c in itertools.product(levels, repeat=3) if not (c[0] == c[1] == c[2])]
config = OCIO.Config.CreateRaw()
with open(OUT, "w") as out:
    out.write("display\tin_r\tin_g\tin_b\tout_r\tout_g\tout_b\n")
    for name, (output, display_name) in OUTPUTS.items():
        group = OCIO.GroupTransform([OCIO.BuiltinTransform(output), display(display_name)])
        cpu = config.getProcessor(group).getDefaultCPUProcessor()
        for rgb in [(g, g, g) for g in greys] + colours:
            r = cpu.applyRGB(list(rgb))
            out.write("%s\t%r\t%r\t%r\t%.9g\t%.9g\t%.9g\n" % ((name,) + tuple(rgb) + tuple(r)))
    # DCDM (X'Y'Z', 48 cd/m² white at 48/52.37): the ACES white unadapted (the cinema output's XYZ-D65 taken back to
    # AP0 by OCIO's Bradford utility, then AP0 → XYZ without adaptation), or through P3-D65 / P3-D60 code values for the
    # limited versions (the CTL clips to the limiting primaries: the P3 outputs' clipped code values, decoded).
    cinema = "ACES-OUTPUT - ACES2065-1_to_CIE-XYZ-D65 - SDR-CINEMA_1.0"
    to_ap0 = OCIO.BuiltinTransform("UTILITY - ACES-AP0_to_CIE-XYZ-D65_BFD", OCIO.TRANSFORM_DIR_INVERSE)
    unadapted = config.getProcessor(OCIO.GroupTransform([OCIO.BuiltinTransform(cinema), to_ap0])).getDefaultCPUProcessor()
    p3d65 = config.getProcessor(OCIO.GroupTransform([OCIO.BuiltinTransform(cinema), display("DISPLAY - CIE-XYZ-D65_to_G2.6-P3-D65")])).getDefaultCPUProcessor()
    p3d60 = config.getProcessor(OCIO.GroupTransform([OCIO.BuiltinTransform(cinema), display("DISPLAY - CIE-XYZ-D65_to_G2.6-P3-D60-BFD")])).getDefaultCPUProcessor()
    for rgb in [(g, g, g) for g in greys] + colours:
        rows = {"DCDM": dcdm(mult(AP0, unadapted.applyRGB(list(rgb)))),
                "DCDM_P3D65LIMITED": dcdm(mult(P3D65, decode_26(p3d65.applyRGB(list(rgb))))),
                "DCDM_P3D60": dcdm(mult(P3D60, decode_26(p3d60.applyRGB(list(rgb)))))}
        for name, r in rows.items():
            out.write("%s\t%r\t%r\t%r\t%.9g\t%.9g\t%.9g\n" % ((name,) + tuple(rgb) + tuple(r)))
    # The inverse SDR transforms (display code values in, ACES2065-1 out), on a lattice of code values.
    codes = [0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.98]
    PQ_CODES = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
    HLG_CODES = [0.1, 0.2, 0.35, 0.5, 0.65, 0.75, 0.85]
    for name in ("REC709_100NITS_DIM", "SRGB_100NITS_DIM", "P3D65_48NITS", "P3D65_D60SIM_48NITS", "P3DCI_48NITS", "P3DCI_D65SIM_48NITS",
                 "DISPLAYP3_DIM", "REC2020_1000NITS_15NITS_ST2084", "P3D65_1000NITS_15NITS_ST2084", "REC2020_1000NITS_15NITS_HLG"):
        output, display_name = OUTPUTS[name]
        group = OCIO.GroupTransform([OCIO.BuiltinTransform(output), display(display_name)])
        cpu = config.getProcessor(group, OCIO.TRANSFORM_DIR_INVERSE).getDefaultCPUProcessor()
        # HDR: code values the output reaches (PQ 0.7 ≈ 620 cd/m², HLG 0.85 ≈ 530 cd/m², below the 1000 cd/m² peak).
        lattice = PQ_CODES if name.endswith("ST2084") else HLG_CODES if name.endswith("HLG") else codes
        for rgb in itertools.product(lattice, repeat=3):
            r = cpu.applyRGB(list(rgb))
            out.write("INV_%s\t%r\t%r\t%r\t%.9g\t%.9g\t%.9g\n" % ((name,) + tuple(rgb) + tuple(r)))
print("wrote", OUT)
