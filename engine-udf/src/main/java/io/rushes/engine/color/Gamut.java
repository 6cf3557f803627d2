package io.rushes.engine.color;

/**
 * Camera and display RGB gamuts by their published primaries and white, and the matrix that takes each to ACES2065-1
 * (AP0): RGB → XYZ → von Kries to the ACES white → AP0, with the adaptation each ACES 2 input transform CTL uses
 * (aces-input-and-colorspaces): CAT02 for ARRI, Sony, Canon, Blackmagic, DJI and Apple; the library default, Bradford, for
 * RED and Panasonic; Bradford for display gamuts, as the output transforms use.
 */
public enum Gamut {
    AP0(Chromaticities.AP0, null),
    AP1(Chromaticities.AP1, null),
    REC709(new Chromaticities(0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290), ChromaticAdaptation.BRADFORD),
    REC2020(new Chromaticities(0.708, 0.292, 0.170, 0.797, 0.131, 0.046, 0.3127, 0.3290), ChromaticAdaptation.BRADFORD),
    P3_D65(new Chromaticities(0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.3127, 0.3290), ChromaticAdaptation.BRADFORD),
    /** ARRI Wide Gamut 3 (ALEXA LogC3). */
    ARRI_WIDE_GAMUT_3(new Chromaticities(0.6840, 0.3130, 0.2210, 0.8480, 0.0861, -0.1020, 0.3127, 0.3290), ChromaticAdaptation.CAT02),
    /** ARRI Wide Gamut 4 (ALEXA 35, LogC4). */
    ARRI_WIDE_GAMUT_4(new Chromaticities(0.7347, 0.2653, 0.1424, 0.8576, 0.0991, -0.0308, 0.3127, 0.3290), ChromaticAdaptation.CAT02),
    SONY_S_GAMUT3(new Chromaticities(0.730, 0.280, 0.140, 0.855, 0.100, -0.050, 0.3127, 0.3290), ChromaticAdaptation.CAT02),
    SONY_S_GAMUT3_CINE(new Chromaticities(0.766, 0.275, 0.225, 0.800, 0.089, -0.087, 0.3127, 0.3290), ChromaticAdaptation.CAT02),
    SONY_VENICE_S_GAMUT3(new Chromaticities(0.740464264304292, 0.279364374750660, 0.089241145423286, 0.893809528608105,
            0.110488236673827, -0.052579333080476, 0.3127, 0.3290), ChromaticAdaptation.CAT02),
    SONY_VENICE_S_GAMUT3_CINE(new Chromaticities(0.775901871567345, 0.274502392854799, 0.188682902773355, 0.828684937020288,
            0.101337382499301, -0.089187517306263, 0.3127, 0.3290), ChromaticAdaptation.CAT02),
    DJI_D_GAMUT(new Chromaticities(0.71, 0.31, 0.21, 0.88, 0.09, -0.08, 0.3127, 0.3290), ChromaticAdaptation.CAT02),
    RED_WIDE_GAMUT_RGB(new Chromaticities(0.780308, 0.304253, 0.121595, 1.493994, 0.095612, -0.084589, 0.3127, 0.3290), ChromaticAdaptation.BRADFORD),
    CANON_CINEMA_GAMUT(new Chromaticities(0.7400, 0.2700, 0.1700, 1.1400, 0.0800, -0.1000, 0.3127, 0.3290), ChromaticAdaptation.CAT02),
    PANASONIC_V_GAMUT(new Chromaticities(0.730, 0.280, 0.165, 0.840, 0.100, -0.030, 0.3127, 0.3290), ChromaticAdaptation.BRADFORD),
    BLACKMAGIC_WIDE_GAMUT_GEN5(new Chromaticities(0.7177215, 0.3171181, 0.2280410, 0.8615690, 0.1005841, -0.0820452, 0.3127170, 0.3290312),
            ChromaticAdaptation.CAT02);

    private final Chromaticities primaries;
    private final Matrix3 cone;

    Gamut(Chromaticities primaries, Matrix3 cone) {
        this.primaries = primaries;
        this.cone = cone;
    }

    public Chromaticities primaries() {
        return primaries;
    }

    /** Linear RGB in this gamut to ACES2065-1. */
    public Matrix3 toAces() {
        return toAces(cone);
    }

    /** The same with a chosen adaptation (CAT02 for Rec.2020 camera encodings such as Apple Log and Canon's BT.2020). */
    public Matrix3 toAces(Matrix3 cone) {
        Matrix3 toXyz = primaries.rgbToXyz();
        double[] aces = Chromaticities.AP0.whiteXy();
        double[] white = primaries.whiteXy();
        Matrix3 adapt = cone == null || (white[0] == aces[0] && white[1] == aces[1]) ? Matrix3.IDENTITY
                : ChromaticAdaptation.vonKries(cone, white, aces);
        return Chromaticities.AP0.xyzToRgb().times(adapt).times(toXyz);
    }
}
