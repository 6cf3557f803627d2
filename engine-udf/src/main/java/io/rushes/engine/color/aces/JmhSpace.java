package io.rushes.engine.color.aces;

import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.Matrix3;

/**
 * The colour appearance model of the ACES 2.0 output transforms (init_JMhParams and the RGB ↔ JMh functions of
 * Lib.Academy.OutputTransform): Hellwig 2022 (a simplified CAM16) with the viewing conditions fixed by ACES (100 cd/m²
 * adapting field, Y_b 20, dim surround), full discounting of the illuminant so the space's white is achromatic, and the
 * adaptation folded into one RGB → cone matrix. J is lightness (100 at the reference white of 100 cd/m²), M
 * colourfulness, h hue in degrees. One instance per set of primaries (input AP0, reach AP1, limiting display).
 */
final class JmhSpace {
    static final double REFERENCE_LUMINANCE = 100;
    private static final double ADAPTING_LUMINANCE = 100; // L_A
    private static final double BACKGROUND = 20; // Y_b
    private static final double SURROUND_C = 0.59;
    private static final double SURROUND_NC = 0.9;
    private static final double J_SCALE = 100;
    private static final double NL_OFFSET = 0.2713 * 100;
    private static final double NL_SCALE = 4.0 * 100;
    /** Exponent from achromatic response to J (the CAM's c·z with the ACES surround). */
    static final double MODEL_GAMMA = SURROUND_C * (1.48 + Math.sqrt(BACKGROUND / REFERENCE_LUMINANCE));

    /** CAM16's sharpened cone primaries, as chromaticities (white 0.333, 0.333, as the CTL writes it). */
    private static final Chromaticities CAM16 = new Chromaticities(0.8336, 0.1735, 2.3854, -1.4659, 0.087, -0.125, 0.333, 0.333);

    private final double[] rgbToCone;
    private final double[] coneToRgb;
    private final double[] coneToAab;
    private final double[] aabToCone;
    private final double flN;
    private final double awJ;

    JmhSpace(Chromaticities primaries) {
        Matrix3 rgbToXyz = primaries.rgbToXyz();
        Matrix3 xyzToCam16 = CAM16.xyzToRgb();
        double[] xyzWhite = rgbToXyz.apply(new double[] {REFERENCE_LUMINANCE, REFERENCE_LUMINANCE, REFERENCE_LUMINANCE});
        double yWhite = xyzWhite[1];
        double[] rgbWhite = xyzToCam16.apply(xyzWhite);

        double k = 1 / (5 * ADAPTING_LUMINANCE + 1);
        double k4 = k * k * k * k;
        double fl = 0.2 * k4 * (5 * ADAPTING_LUMINANCE) + 0.1 * Math.pow(1 - k4, 2) * Math.cbrt(5 * ADAPTING_LUMINANCE);
        this.flN = fl / REFERENCE_LUMINANCE;
        double[] d = new double[3];
        for (int i = 0; i < 3; i++) {
            d[i] = flN * yWhite / rgbWhite[i];
        }
        // The adapted white is F_L on every cone, so its compressed response is the same on all three.
        double whiteResponse = compress(fl);
        // base_cone_response_to_Aab (rows: cone R, G, B; columns: A, a, b) scaled by cam_nl_scale.
        double[][] base = {{2, 1, 1 / 9.0}, {1, -12 / 11.0, 1 / 9.0}, {1 / 20.0, 1 / 11.0, -2 / 9.0}};
        double aw = 0;
        for (int i = 0; i < 3; i++) {
            aw += NL_SCALE * base[i][0] * whiteResponse;
        }
        this.awJ = whiteResponse;
        Matrix3 cone = Matrix3.diagonal(d[0], d[1], d[2]).times(xyzToCam16.scaled(REFERENCE_LUMINANCE)).times(rgbToXyz);
        double[] aab = new double[9];
        for (int cone3 = 0; cone3 < 3; cone3++) {
            aab[cone3] = NL_SCALE * base[cone3][0] / aw;
            aab[3 + cone3] = NL_SCALE * base[cone3][1] * 43 * SURROUND_NC;
            aab[6 + cone3] = NL_SCALE * base[cone3][2] * 43 * SURROUND_NC;
        }
        this.rgbToCone = cone.m();
        this.coneToRgb = cone.inverse().m();
        this.coneToAab = aab;
        this.aabToCone = Matrix3.of(aab).inverse().m();
    }

    /** RGB → cone responses as a matrix, preceded by {@code pre} (so another RGB space can enter directly). */
    double[] rgbToCone(Matrix3 pre) {
        return Matrix3.of(rgbToCone).times(pre).m();
    }

    double[] coneToAab() {
        return coneToAab.clone();
    }

    double flN() {
        return flN;
    }

    double awJ() {
        return awJ;
    }

    /** Post-adaptation cone response compression (positive input). */
    static double compress(double v) {
        double f = Math.pow(v, 0.42);
        return f / (NL_OFFSET + f);
    }

    /** Its inverse, with the response limited to 0.99 as the CTL does. */
    static double decompress(double ra) {
        double lim = Math.min(ra, 0.99);
        return Math.pow(NL_OFFSET * lim / (1 - lim), 1 / 0.42);
    }

    static double compressSigned(double v) {
        return Math.copySign(compress(Math.abs(v)), v);
    }

    private static double decompressSigned(double v) {
        return Math.copySign(decompress(Math.abs(v)), v);
    }

    /** Luminance (cd/m², 100 = reference white) → J; negative luminance gives negative J. */
    double yToJ(double y) {
        double ra = compress(Math.abs(y) * flN);
        return Math.copySign(J_SCALE * Math.pow(ra / awJ, MODEL_GAMMA), y);
    }

    /** J → luminance (cd/m²) of the achromatic colour with that lightness. */
    double jToY(double j) {
        double a = Math.pow(Math.abs(j) / J_SCALE, 1 / MODEL_GAMMA);
        return decompress(awJ * a) / flN;
    }

    /** RGB (1.0 = 100 cd/m²) → {A, a, b} into {@code out}. */
    void rgbToAab(double r, double g, double b, double[] out) {
        double[] m = rgbToCone;
        double c0 = compressSigned(m[0] * r + m[1] * g + m[2] * b);
        double c1 = compressSigned(m[3] * r + m[4] * g + m[5] * b);
        double c2 = compressSigned(m[6] * r + m[7] * g + m[8] * b);
        double[] a = coneToAab;
        out[0] = a[0] * c0 + a[1] * c1 + a[2] * c2;
        out[1] = a[3] * c0 + a[4] * c1 + a[5] * c2;
        out[2] = a[6] * c0 + a[7] * c1 + a[8] * c2;
    }

    /** RGB → {J, M, h} into {@code out}; a non-positive achromatic response gives (0, 0, 0). */
    void rgbToJmh(double r, double g, double b, double[] out) {
        rgbToAab(r, g, b, out);
        double achromatic = out[0];
        if (achromatic <= 0) {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
            return;
        }
        double ca = out[1];
        double cb = out[2];
        out[0] = J_SCALE * Math.pow(achromatic, MODEL_GAMMA);
        out[1] = Math.sqrt(ca * ca + cb * cb);
        out[2] = wrapHue(Math.toDegrees(Math.atan2(cb, ca)));
    }

    /** {J, M, h} → RGB into {@code out}. */
    void jmhToRgb(double j, double colourfulness, double h, double[] out) {
        double hr = Math.toRadians(h);
        jmhToRgb(j, colourfulness, Math.cos(hr), Math.sin(hr), out);
    }

    /** The same with the hue given as its cosine and sine (a forward pass keeps them from a/M, b/M). */
    void jmhToRgb(double j, double colourfulness, double cosH, double sinH, double[] out) {
        achromaticToRgb(Math.pow(j / J_SCALE, 1 / MODEL_GAMMA), colourfulness, cosH, sinH, out);
    }

    /** The same from the achromatic response A = (J / 100)^(1/γ) where the caller has it. */
    void achromaticToRgb(double achromatic, double colourfulness, double cosH, double sinH, double[] out) {
        double ca = colourfulness * cosH;
        double cb = colourfulness * sinH;
        double[] a = aabToCone;
        double c0 = decompressSigned(a[0] * achromatic + a[1] * ca + a[2] * cb);
        double c1 = decompressSigned(a[3] * achromatic + a[4] * ca + a[5] * cb);
        double c2 = decompressSigned(a[6] * achromatic + a[7] * ca + a[8] * cb);
        double[] m = coneToRgb;
        out[0] = m[0] * c0 + m[1] * c1 + m[2] * c2;
        out[1] = m[3] * c0 + m[4] * c1 + m[5] * c2;
        out[2] = m[6] * c0 + m[7] * c1 + m[8] * c2;
    }

    /** The CTL's wrap_to_360: fmod into [0, 360). */
    static double wrapHue(double h) {
        double y = h % 360;
        return y < 0 ? y + 360 : y;
    }
}
