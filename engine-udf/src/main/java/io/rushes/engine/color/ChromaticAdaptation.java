package io.rushes.engine.color;

/** Von Kries adaptation in the Bradford cone space (as the DNG SDK and the ACES CTL use it). */
public final class ChromaticAdaptation {
    public static final Matrix3 BRADFORD = Matrix3.of(
            0.8951, 0.2664, -0.1614,
            -0.7502, 1.7135, 0.0367,
            0.0389, -0.0685, 1.0296);

    private ChromaticAdaptation() {
    }

    /** XYZ under a source white to XYZ under a destination white (whites as xy). */
    public static Matrix3 bradford(double[] fromXy, double[] toXy) {
        double[] src = BRADFORD.apply(Chromaticities.xyToXyz(fromXy[0], fromXy[1]));
        double[] dst = BRADFORD.apply(Chromaticities.xyToXyz(toXy[0], toXy[1]));
        return BRADFORD.inverse().times(Matrix3.diagonal(dst[0] / src[0], dst[1] / src[1], dst[2] / src[2])).times(BRADFORD);
    }
}
