package io.rushes.engine.color;

/** Primaries and white point in CIE 1931 xy, and the RGB↔XYZ matrices they define (Y of white = 1). */
public record Chromaticities(double rx, double ry, double gx, double gy, double bx, double by, double wx, double wy) {
    /** ACES AP0 (SMPTE ST 2065-1). */
    public static final Chromaticities AP0 = new Chromaticities(0.7347, 0.2653, 0.0, 1.0, 0.0001, -0.0770, 0.32168, 0.33767);
    /** ACES AP1 (ACEScg, ACEScct). */
    public static final Chromaticities AP1 = new Chromaticities(0.713, 0.293, 0.165, 0.830, 0.128, 0.044, 0.32168, 0.33767);
    /** CIE D50, the profile connection space white of the DNG colour model. */
    public static final double[] D50_XY = {0.34567, 0.35850};

    public static double[] xyToXyz(double x, double y) {
        return new double[] {x / y, 1, (1 - x - y) / y};
    }

    public static double[] xyzToXy(double[] xyz) {
        double sum = xyz[0] + xyz[1] + xyz[2];
        return new double[] {xyz[0] / sum, xyz[1] / sum};
    }

    public double[] whiteXy() {
        return new double[] {wx, wy};
    }

    public Matrix3 rgbToXyz() {
        // Primaries as (x, y, z) columns, scaled below: unlike XYZ with Y = 1 this also holds a primary with y = 0, such as
        // the Z primary of CIE XYZ used as a display encoding (DCDM).
        Matrix3 primaries = Matrix3.of(rx, gx, bx, ry, gy, by, 1 - rx - ry, 1 - gx - gy, 1 - bx - by);
        double[] s = primaries.inverse().apply(xyToXyz(wx, wy));
        return primaries.times(Matrix3.diagonal(s[0], s[1], s[2]));
    }

    public Matrix3 xyzToRgb() {
        return rgbToXyz().inverse();
    }
}
