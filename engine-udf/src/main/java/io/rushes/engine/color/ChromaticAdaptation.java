package io.rushes.engine.color;

/** Von Kries adaptation in a cone space: Bradford (the DNG SDK, most ACES CTL) or CAT02 (the ARRI and Sony IDTs). */
public final class ChromaticAdaptation {
    public static final Matrix3 BRADFORD = Matrix3.of(
            0.8951, 0.2664, -0.1614,
            -0.7502, 1.7135, 0.0367,
            0.0389, -0.0685, 1.0296);

    /** CIECAM02's cone space. */
    public static final Matrix3 CAT02 = Matrix3.of(
            0.7328, 0.4296, -0.1624,
            -0.7036, 1.6975, 0.0061,
            0.0030, 0.0136, 0.9834);

    private ChromaticAdaptation() {
    }

    /** XYZ under a source white to XYZ under a destination white, von Kries in the given cone space. */
    public static Matrix3 vonKries(Matrix3 cone, double[] fromXy, double[] toXy) {
        double[] src = cone.apply(Chromaticities.xyToXyz(fromXy[0], fromXy[1]));
        double[] dst = cone.apply(Chromaticities.xyToXyz(toXy[0], toXy[1]));
        return cone.inverse().times(Matrix3.diagonal(dst[0] / src[0], dst[1] / src[1], dst[2] / src[2])).times(cone);
    }

    /** XYZ under a source white to XYZ under a destination white (whites as xy). */
    public static Matrix3 bradford(double[] fromXy, double[] toXy) {
        return vonKries(BRADFORD, fromXy, toXy);
    }
}
