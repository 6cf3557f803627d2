package io.rushes.engine.color.aces;

import io.rushes.engine.color.ChromaticAdaptation;
import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.Gamut;
import io.rushes.engine.color.Matrix3;

/**
 * The ACES 1.3 Reference Rendering Transform and the SDR Output Device Transforms, written from the Academy's CTL
 * (transforms/ctl/rrt/RRT.ctl, odt/…, lib/ACESlib.*): glow, red modifier, AP1 rendering space, global desaturation and
 * the segmented-spline tone scales (C5 for the RRT, C9 for the 48-nit ODTs), then the ODT's surround and saturation
 * compensation, Bradford D60 → D65 and the display encoding. Computed in double precision; the CTL is normative.
 */
public final class Aces13 {
    /** OpenEXR half.h HALF_MIN, as CTL defines it: the smallest positive (subnormal) half, 2^-24. */
    private static final double HALF_MIN = Math.pow(2, -24);
    private static final double HALF_MAX = 65504;
    private static final double TINY = 1e-10;

    private static final Matrix3 AP0_TO_XYZ = Chromaticities.AP0.rgbToXyz();
    static final Matrix3 AP1_TO_XYZ = Chromaticities.AP1.rgbToXyz();
    private static final Matrix3 XYZ_TO_AP1 = AP1_TO_XYZ.inverse();
    private static final Matrix3 AP0_TO_AP1 = XYZ_TO_AP1.times(AP0_TO_XYZ);
    private static final Matrix3 AP1_TO_AP0 = AP0_TO_AP1.inverse();
    private static final double[] AP1_RGB2Y = {AP1_TO_XYZ.m()[3], AP1_TO_XYZ.m()[4], AP1_TO_XYZ.m()[5]};
    private static final Matrix3 RRT_SAT = saturation(0.96);
    private static final Matrix3 ODT_SAT = saturation(0.93);
    static final Matrix3 D60_TO_D65 = ChromaticAdaptation.bradford(Chromaticities.AP0.whiteXy(), new double[] {0.3127, 0.3290});

    // RRT tone scale (segmented spline C5) and the 48-nit ODT tone scale (C9), from ACESlib.Tonescales.
    private static final double[] C5_LOW = {-4.0000000000, -4.0000000000, -3.1573765773, -0.4852499958, 1.8477324706, 1.8477324706};
    private static final double[] C5_HIGH = {-0.7185482425, 2.0810307172, 3.6681241237, 4.0000000000, 4.0000000000, 4.0000000000};
    private static final double[] C9_LOW = {-1.6989700043, -1.6989700043, -1.4779000000, -1.2291000000, -0.8648000000, -0.4480000000,
            0.0051800000, 0.4511080334, 0.9113744414, 0.9113744414};
    private static final double[] C9_HIGH = {0.5154386965, 0.8470437783, 1.1358000000, 1.3802000000, 1.5197000000, 1.5985000000,
            1.6467000000, 1.6746091357, 1.6878733390, 1.6878733390};
    private static final double CINEMA_WHITE = 48.0;
    private static final double CINEMA_BLACK = Math.pow(10, Math.log10(0.02));

    /** The SDR displays of ACES 1.3 implemented here, with their ODT names. */
    public enum Display {
        /** ODT.Academy.Rec709_100nits_dim: Rec.709 primaries, BT.1886 (gamma 2.4), dim surround. */
        REC709_100NITS_DIM(Gamut.REC709, true),
        /** ODT.Academy.sRGB_100nits_dim: Rec.709 primaries, sRGB piecewise curve, dim surround. */
        SRGB_100NITS_DIM(Gamut.REC709, true),
        /** ODT.Academy.P3D65_48nits: P3 primaries, D65 white, gamma 2.6, dark surround (cinema). */
        P3D65_48NITS(Gamut.P3_D65, false),
        /** ODT.Academy.Rec2020_100nits_dim: Rec.2020 primaries, BT.1886, dim surround. */
        REC2020_100NITS_DIM(Gamut.REC2020, true),
        /** ODT.Academy.P3D60_48nits: P3 primaries with the ACES white (no adaptation), gamma 2.6, dark surround. */
        P3D60_48NITS(new Chromaticities(0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.32168, 0.33767), false);

        private final Matrix3 xyzToDisplay;
        private final boolean dim;
        /** D60 → D65 adaptation: for displays with a D65 white. */
        private final boolean adapt;

        Display(Gamut gamut, boolean dim) {
            this(gamut.primaries(), dim);
        }

        Display(Chromaticities primaries, boolean dim) {
            this.xyzToDisplay = primaries.xyzToRgb();
            this.dim = dim;
            this.adapt = primaries.wx() != Chromaticities.AP0.wx() || primaries.wy() != Chromaticities.AP0.wy();
        }
    }

    private Aces13() {
    }

    /** ACES2065-1 → OCES (RRT.ctl). */
    public static void rrt(double[] aces) {
        double[] rgbPre = sweeteners(aces);
        double[] rgbPost = new double[3];
        for (int i = 0; i < 3; i++) {
            rgbPost[i] = splineC5(rgbPre[i]);
        }
        double[] oces = AP1_TO_AP0.apply(rgbPost);
        System.arraycopy(oces, 0, aces, 0, 3);
    }

    /** rrt_sweeteners: glow, red modifier, to the AP1 rendering space, global desaturation (modifies {@code aces}). */
    static double[] sweeteners(double[] aces) {
        double saturation = rgbToSaturation(aces);
        double yc = rgbToYc(aces);
        double s = sigmoidShaper((saturation - 0.4) / 0.2);
        double glow = 1 + glowForward(yc, 0.05 * s, 0.08);
        for (int i = 0; i < 3; i++) {
            aces[i] *= glow;
        }
        double hue = rgbToHue(aces);
        double centred = centerHue(hue, 0);
        double hueWeight = cubicBasisShaper(centred, 135);
        aces[0] = aces[0] + hueWeight * saturation * (0.03 - aces[0]) * (1 - 0.82);
        for (int i = 0; i < 3; i++) {
            aces[i] = Math.max(0, aces[i]); // clamp to [0, HALF_POS_INF]
        }
        double[] rgbPre = AP0_TO_AP1.apply(aces);
        for (int i = 0; i < 3; i++) {
            rgbPre[i] = Math.min(Math.max(rgbPre[i], 0), HALF_MAX);
        }
        return RRT_SAT.apply(rgbPre);
    }

    /** OCES → display code values (the ODT of {@code display}). */
    public static void odt(Display display, double[] oces) {
        double[] rgbPre = AP0_TO_AP1.apply(oces);
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            linear[i] = (splineC9(rgbPre[i]) - CINEMA_BLACK) / (CINEMA_WHITE - CINEMA_BLACK);
        }
        if (display.dim) {
            linear = darkToDimSurround(linear);
            linear = ODT_SAT.apply(linear);
        }
        double[] xyz = AP1_TO_XYZ.apply(linear);
        if (display.adapt) {
            xyz = D60_TO_D65.apply(xyz);
        }
        double[] cv = display.xyzToDisplay.apply(xyz);
        for (int i = 0; i < 3; i++) {
            double v = Math.min(Math.max(cv[i], 0), 1);
            oces[i] = switch (display) {
                case REC709_100NITS_DIM, REC2020_100NITS_DIM -> Math.pow(v, 1 / 2.4); // bt1886_r with Lw = 1, Lb = 0
                case SRGB_100NITS_DIM -> moncurveReverse(v, 2.4, 0.055);
                case P3D65_48NITS, P3D60_48NITS -> Math.pow(v, 1 / 2.6);
            };
        }
    }

    /** Display code values → OCES (InvODT.Academy.*). */
    public static void inverseOdt(Display display, double[] cv) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = cv[i];
            linear[i] = switch (display) {
                case REC709_100NITS_DIM, REC2020_100NITS_DIM -> Math.pow(Math.max(v, 0), 2.4); // bt1886_f, Lw = 1, Lb = 0
                case SRGB_100NITS_DIM -> moncurveForward(v, 2.4, 0.055);
                case P3D65_48NITS, P3D60_48NITS -> Math.pow(Math.max(v, 0), 2.6);
            };
        }
        double[] xyz = display.xyzToDisplay.inverse().apply(linear);
        if (display.adapt) {
            xyz = D60_TO_D65.inverse().apply(xyz);
        }
        linear = XYZ_TO_AP1.apply(xyz);
        if (display.dim) {
            linear = ODT_SAT.inverse().apply(linear);
            linear = surround(linear, 1 / 0.9811);
        }
        double[] rgbPost = new double[3];
        for (int i = 0; i < 3; i++) {
            rgbPost[i] = C9.inverse(linear[i] * (CINEMA_WHITE - CINEMA_BLACK) + CINEMA_BLACK);
        }
        System.arraycopy(AP1_TO_AP0.apply(rgbPost), 0, cv, 0, 3);
    }

    /** OCES → ACES2065-1 (InvRRT.ctl). */
    public static void inverseRrt(double[] oces) {
        double[] rgbPre = AP0_TO_AP1.apply(oces);
        double[] rgbPost = new double[3];
        for (int i = 0; i < 3; i++) {
            rgbPost[i] = C5.inverse(rgbPre[i]);
        }
        rgbPost = RRT_SAT.inverse().apply(rgbPost);
        for (int i = 0; i < 3; i++) {
            rgbPost[i] = Math.min(Math.max(rgbPost[i], 0), HALF_MAX);
        }
        double[] aces = AP1_TO_AP0.apply(rgbPost);
        for (int i = 0; i < 3; i++) {
            aces[i] = Math.min(Math.max(aces[i], 0), HALF_MAX);
        }
        double hue = rgbToHue(aces);
        double centred = centerHue(hue, 0);
        double hueWeight = cubicBasisShaper(centred, 135);
        double minChan = centred < 0 ? aces[1] : aces[2];
        double a = hueWeight * (1 - 0.82) - 1;
        double b = aces[0] - hueWeight * (0.03 + minChan) * (1 - 0.82);
        double c = hueWeight * 0.03 * minChan * (1 - 0.82);
        aces[0] = (-b - Math.sqrt(b * b - 4 * a * c)) / (2 * a);
        double saturation = rgbToSaturation(aces);
        double yc = rgbToYc(aces);
        double s = sigmoidShaper((saturation - 0.4) / 0.2);
        double reduced = 1 + glowInverse(yc, 0.05 * s, 0.08);
        for (int i = 0; i < 3; i++) {
            oces[i] = aces[i] * reduced;
        }
    }

    static double glowInverse(double yc, double gain, double mid) {
        if (yc <= (1 + gain) * 2.0 / 3.0 * mid) {
            return -gain / (1 + gain);
        }
        if (yc >= 2 * mid) {
            return 0;
        }
        return gain * (mid / yc - 0.5) / (gain / 2 - 1);
    }

    private static double moncurveForward(double x, double gamma, double offset) {
        double fs = (gamma - 1) / offset * Math.pow(offset * gamma / ((gamma - 1) * (1 + offset)), gamma);
        double xb = offset / (gamma - 1);
        return x >= xb ? Math.pow((x + offset) / (1 + offset), gamma) : x * fs;
    }

    private static Matrix3 saturation(double sat) {
        double[] y = AP1_RGB2Y;
        // calc_sat_adjust_matrix, written for CTL's row-vector products: transposed here for column vectors.
        return Matrix3.of(
                (1 - sat) * y[0] + sat, (1 - sat) * y[1], (1 - sat) * y[2],
                (1 - sat) * y[0], (1 - sat) * y[1] + sat, (1 - sat) * y[2],
                (1 - sat) * y[0], (1 - sat) * y[1], (1 - sat) * y[2] + sat);
    }

    static double rgbToSaturation(double[] rgb) {
        double max = Math.max(rgb[0], Math.max(rgb[1], rgb[2]));
        double min = Math.min(rgb[0], Math.min(rgb[1], rgb[2]));
        return (Math.max(max, TINY) - Math.max(min, TINY)) / Math.max(max, 1e-2);
    }

    static double rgbToYc(double[] rgb) {
        double r = rgb[0];
        double g = rgb[1];
        double b = rgb[2];
        double chroma = Math.sqrt(b * (b - g) + g * (g - r) + r * (r - b));
        return (b + g + r + 1.75 * chroma) / 3;
    }

    /** Hue in degrees (0–360); NaN for neutrals, as the CTL gives. */
    static double rgbToHue(double[] rgb) {
        if (rgb[0] == rgb[1] && rgb[1] == rgb[2]) {
            return Double.NaN;
        }
        double hue = Math.toDegrees(Math.atan2(Math.sqrt(3) * (rgb[1] - rgb[2]), 2 * rgb[0] - rgb[1] - rgb[2]));
        return hue < 0 ? hue + 360 : hue;
    }

    private static double centerHue(double hue, double centre) {
        double h = hue - centre;
        if (h < -180) {
            h += 360;
        } else if (h > 180) {
            h -= 360;
        }
        return h;
    }

    static double sigmoidShaper(double x) {
        double t = Math.max(1 - Math.abs(x / 2), 0);
        double y = 1 + Math.signum(x) * (1 - t * t);
        return y / 2;
    }

    static double glowForward(double yc, double gain, double mid) {
        if (yc <= 2.0 / 3.0 * mid) {
            return gain;
        }
        if (yc >= 2 * mid) {
            return 0;
        }
        return gain * (mid / yc - 0.5);
    }

    /** The red modifier's hue weight: a cubic B-spline of full width {@code w} degrees (0 outside it, and for NaN hue). */
    static double cubicBasisShaper(double x, double w) {
        double[][] m = {{-1. / 6, 3. / 6, -3. / 6, 1. / 6}, {3. / 6, -6. / 6, 3. / 6, 0}, {-3. / 6, 0, 3. / 6, 0}, {1. / 6, 4. / 6, 1. / 6, 0}};
        double y = 0;
        if (x > -w / 2 && x < w / 2) {
            double knot = (x + w / 2) * 4 / w;
            int j = (int) knot;
            double t = knot - j;
            double[] mono = {t * t * t, t * t, t, 1};
            int col = 3 - j;
            if (j >= 0 && j <= 3) {
                y = mono[0] * m[0][col] + mono[1] * m[1][col] + mono[2] * m[2][col] + mono[3] * m[3][col];
            }
        }
        return y * 3 / 2;
    }

    /**
     * A segmented spline with its log-domain constants precomputed (the CTL recomputes log10 of every knot on each call:
     * the same numbers, computed once here).
     */
    private record Spline(double[] low, double[] high, int knots, double logMinX, double logMinY, double logMidX, double logMaxX,
                          double logMaxY, double slopeLow, double slopeHigh) {
        static Spline of(double[] low, double[] high, int knots, double minX, double minY, double midX, double maxX, double maxY,
                         double slopeLow, double slopeHigh) {
            return new Spline(low, high, knots, Math.log10(minX), Math.log10(minY), Math.log10(midX), Math.log10(maxX), Math.log10(maxY),
                    slopeLow, slopeHigh);
        }

        double apply(double x) {
            double logx = Math.log10(Math.max(x, HALF_MIN));
            double logy;
            if (logx <= logMinX) {
                logy = logx * slopeLow + (logMinY - slopeLow * logMinX);
            } else if (logx < logMidX) {
                logy = quadratic(low, (knots - 1) * (logx - logMinX) / (logMidX - logMinX), knots - 2);
            } else if (logx < logMaxX) {
                logy = quadratic(high, (knots - 1) * (logx - logMidX) / (logMaxX - logMidX), knots - 2);
            } else {
                logy = logx * slopeHigh + (logMaxY - slopeHigh * logMaxX);
            }
            return Math.pow(10, logy);
        }

        /** segmented_spline_c5_rev / _c9_rev: solve the segment's quadratic for t; flat beyond the end points. */
        double inverse(double y) {
            double logy = Math.log10(Math.max(y, 1e-10));
            if (logy <= logMinY) {
                return Math.pow(10, logMinX);
            }
            if (logy >= logMaxY) {
                return Math.pow(10, logMaxX);
            }
            boolean isLow = logy <= logMidY();
            double[] c = isLow ? low : high;
            double base = isLow ? logMinX : logMidX;
            double inc = isLow ? (logMidX - logMinX) / (knots - 1) : (logMaxX - logMidX) / (knots - 1);
            int j = 0;
            for (int k = 0; k < knots - 1; k++) {
                if (logy > (c[k] + c[k + 1]) / 2 && logy <= (c[k + 1] + c[k + 2]) / 2) {
                    j = k;
                    break;
                }
            }
            return Math.pow(10, base + quadraticInverse(c, j, logy) * inc);
        }

        private double logMidY() {
            return (low[knots - 1] + low[knots]) / 2; // the spline's value at the mid point
        }
    }

    private static final Spline C5 = Spline.of(C5_LOW, C5_HIGH, 4, 0.18 * Math.pow(2, -15), 0.0001, 0.18, 0.18 * Math.pow(2, 18), 10000, 0, 0);
    private static final Spline C9 = Spline.of(C9_LOW, C9_HIGH, 8, C5.apply(0.18 * Math.pow(2, -6.5)), 0.02, C5.apply(0.18),
            C5.apply(0.18 * Math.pow(2, 6.5)), 48.0, 0, 0.04);

    private static double splineC5(double x) {
        return C5.apply(x);
    }

    private static double splineC9(double x) {
        return C9.apply(x);
    }

    /**
     * One quadratic B-spline segment: monomials (t², t, 1) · (coefficients · M), on segment ⌊knot⌋ (at most
     * {@code lastSegment}, so the end point evaluates on the last segment).
     */
    static double quadratic(double[] coefs, double knot, int lastSegment) {
        int j = Math.min((int) knot, lastSegment);
        double t = knot - j;
        double c0 = coefs[j];
        double c1 = coefs[j + 1];
        double c2 = coefs[j + 2];
        double a = 0.5 * c0 - c1 + 0.5 * c2;
        double b = -c0 + c1;
        double c = 0.5 * c0 + 0.5 * c1;
        return a * t * t + b * t + c;
    }

    /** The inverse of {@link #quadratic} on segment {@code j}: the knot position (j + t) where it reaches {@code y}. */
    static double quadraticInverse(double[] coefs, int j, double y) {
        double a = 0.5 * coefs[j] - coefs[j + 1] + 0.5 * coefs[j + 2];
        double b = -coefs[j] + coefs[j + 1];
        double c = 0.5 * coefs[j] + 0.5 * coefs[j + 1] - y;
        double d = Math.sqrt(b * b - 4 * a * c);
        return j + 2 * c / (-d - b);
    }

    private static double[] darkToDimSurround(double[] linear) {
        return surround(linear, 0.9811);
    }

    /** darkSurround_to_dimSurround (gamma 0.9811) and its inverse (1 / 0.9811) on luminance, chromaticity kept. */
    private static double[] surround(double[] linear, double gamma) {
        double[] xyz = AP1_TO_XYZ.apply(linear);
        double sum = xyz[0] + xyz[1] + xyz[2];
        if (sum == 0) {
            sum = 1e-10; // XYZ_2_xyY's guard
        }
        double x = xyz[0] / sum;
        double y = xyz[1] / sum;
        double bigY = Math.pow(Math.max(xyz[1], 0), gamma);
        double[] adjusted = {x * bigY / Math.max(y, 1e-10), bigY, (1 - x - y) * bigY / Math.max(y, 1e-10)};
        return XYZ_TO_AP1.apply(adjusted);
    }

    private static double moncurveReverse(double y, double gamma, double offset) {
        double yb = Math.pow(offset * gamma / ((gamma - 1) * (1 + offset)), gamma);
        double rs = Math.pow((gamma - 1) / offset, gamma - 1) * Math.pow((1 + offset) / gamma, gamma);
        return y >= yb ? (1 + offset) * Math.pow(y, 1 / gamma) - offset : y * rs;
    }
}
