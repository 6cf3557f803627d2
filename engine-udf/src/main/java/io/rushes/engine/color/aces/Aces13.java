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
    static final Matrix3 XYZ_TO_AP1 = AP1_TO_XYZ.inverse();
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
    /** DCDM: X'Y'Z' code 1.0 is 52.37 cd/m², so the 48 cd/m² white codes below it. */
    private static final double DCDM_WHITE_SCALE = 48.0 / 52.37;

    private static final Chromaticities REC709 = Gamut.REC709.primaries();
    private static final Chromaticities REC2020 = Gamut.REC2020.primaries();
    private static final Chromaticities P3D65 = Gamut.P3_D65.primaries();
    private static final Chromaticities P3D60 = new Chromaticities(0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.32168, 0.33767);
    private static final Chromaticities P3DCI = new Chromaticities(0.680, 0.320, 0.265, 0.690, 0.150, 0.060, 0.314, 0.351);

    /** How an ODT encodes display-linear light: BT.1886 (L_W 1, L_B 0: a pure 2.4 power), sRGB, gamma 2.6, or DCDM X'Y'Z'. */
    enum Encoding { BT1886, SRGB, GAMMA_26, DCDM }

    /**
     * Simulating the ACES white on a display calibrated to another white: highlights rolled off towards {@code newWhite}
     * (the DCI ODTs only), clipped there and scaled by {@code scale} so no channel clips first. {@link #NONE} (the ODTs
     * that show their own white) leaves values as they are: the display range clips them later.
     */
    private record WhiteSimulation(double newWhite, double scale, RollOff rollOff) {
        static final WhiteSimulation NONE = new WhiteSimulation(Double.POSITIVE_INFINITY, 1, null);

        /** Scaled only (the D60 simulations on D65 displays). */
        static WhiteSimulation scaled(double scale) {
            return new WhiteSimulation(1, scale, null);
        }

        /** Rolled off over the top half of the range, then scaled (on a DCI-white projector). */
        static WhiteSimulation rolledOff(double newWhite, double scale) {
            return new WhiteSimulation(newWhite, scale, new RollOff(newWhite, 0.5));
        }

        double forward(double linear) {
            double v = rollOff == null ? linear : rollOff.forward(linear);
            return Math.min(v, newWhite) * scale;
        }

        double inverse(double linear) {
            double v = linear / scale;
            return rollOff == null ? v : rollOff.reverse(v);
        }
    }

    /**
     * roll_white_fwd / roll_white_rev: a quadratic that bends linear code values in the top {@code width} towards
     * {@code newWhite} (the CTL writes it on negated values), with its coefficients worked out once.
     */
    private static final class RollOff {
        private static final double X0 = -1;
        private final double x1;
        private final double y0;
        private final double y1;
        private final double a;
        private final double b;

        RollOff(double newWhite, double width) {
            x1 = X0 + width;
            y0 = -newWhite;
            y1 = x1;
            double m1 = x1 - X0;
            a = y0 - y1 + m1;
            b = 2 * (y1 - y0) - m1;
        }

        double forward(double in) {
            double t = (-in - X0) / (x1 - X0);
            if (t < 0) {
                return -(t * b + y0);
            }
            return t > 1 ? in : -((t * a + b) * t + y0);
        }

        double reverse(double in) {
            if (-in < y0) {
                return -X0;
            }
            if (-in > y1) {
                return in;
            }
            double c = y0 + in;
            double discriminant = Math.sqrt(b * b - 4 * a * c);
            double t = 2 * c / (-discriminant - b);
            return -(t * (x1 - X0) + X0);
        }
    }

    /**
     * The SDR Output Device Transforms of ACES 1.3, each as its CTL composes the shared steps: the 48-nit tone scale (C9),
     * white simulation, the dim-surround gamma and saturation, the D60 → D65 adaptation (Bradford), limiting primaries,
     * the display primaries (none for DCDM, which encodes XYZ) and the encoding. {@link #id} is the ODT's transform name
     * (the CTL's ACEStransformID: some differ from their file names, e.g. RGBmonitor_100nits_dim is sRGB_100nits_dim.ctl).
     */
    public enum Display {
        REC709_100NITS_DIM("Rec709_100nits_dim", REC709, Encoding.BT1886, true, true, null, WhiteSimulation.NONE, true),
        SRGB_100NITS_DIM("RGBmonitor_100nits_dim", REC709, Encoding.SRGB, true, true, null, WhiteSimulation.NONE, true),
        P3D65_48NITS("P3D65_48nits", P3D65, Encoding.GAMMA_26, false, true, null, WhiteSimulation.NONE, true),
        REC2020_100NITS_DIM("Rec2020_100nits_dim", REC2020, Encoding.BT1886, true, true, null, WhiteSimulation.NONE, true),
        /** P3 with the ACES white itself: no adaptation. */
        P3D60_48NITS("P3D60_48nits", P3D60, Encoding.GAMMA_26, false, false, null, WhiteSimulation.NONE, true),
        /** P3DCI_D60sim_48nits.ctl. */
        P3DCI_48NITS("P3DCI_48nits", P3DCI, Encoding.GAMMA_26, false, false, null, WhiteSimulation.rolledOff(0.918, 0.96), true),
        P3DCI_D65SIM_48NITS("P3DCI_D65sim_48nits", P3DCI, Encoding.GAMMA_26, false, true, null, WhiteSimulation.rolledOff(0.908, 0.9575), true),
        P3D65_D60SIM_48NITS("P3D65_D60sim_48nits", P3D65, Encoding.GAMMA_26, false, false, null, WhiteSimulation.scaled(0.964), true),
        P3D65_REC709LIMITED_48NITS("P3D65_Rec709limited_48nits", P3D65, Encoding.GAMMA_26, false, true, REC709, WhiteSimulation.NONE, false),
        REC2020_P3D65LIMITED_100NITS_DIM("Rec2020_P3D65limited_100nits_dim", REC2020, Encoding.BT1886, true, true, P3D65, WhiteSimulation.NONE,
                false),
        REC2020_REC709LIMITED_100NITS_DIM("Rec2020_Rec709limited_100nits_dim", REC2020, Encoding.BT1886, true, true, REC709,
                WhiteSimulation.NONE, false),
        REC709_D60SIM_100NITS_DIM("Rec709_D60sim_100nits_dim", REC709, Encoding.BT1886, true, false, null, WhiteSimulation.scaled(0.955),
                true),
        SRGB_D60SIM_100NITS_DIM("RGBmonitor_D60sim_100nits_dim", REC709, Encoding.SRGB, true, false, null, WhiteSimulation.scaled(0.955),
                true),
        DISPLAYP3_DIM("DisplayP3_dim", P3D65, Encoding.SRGB, true, true, null, WhiteSimulation.NONE, true),
        DISPLAYP3_D60SIM_DIM("DisplayP3_D60sim_dim", P3D65, Encoding.SRGB, true, false, null, WhiteSimulation.scaled(0.955), true),
        /** X'Y'Z' of the D60-white image, negatives clipped. */
        DCDM("DCDM", null, Encoding.DCDM, false, false, null, WhiteSimulation.NONE, true),
        /** DCDM_P3D60limited.ctl. */
        DCDM_P3D60("DCDM_P3D60", null, Encoding.DCDM, false, false, P3D60, WhiteSimulation.NONE, false),
        DCDM_P3D65LIMITED("DCDM_P3D65limited", null, Encoding.DCDM, false, true, P3D65, WhiteSimulation.NONE, true);

        private final String id;
        private final Encoding encoding;
        private final boolean dim;
        private final boolean adapt;
        private final Matrix3 displayToXyz;
        private final WhiteSimulation white;
        private final boolean academyInverse;
        /**
         * The forward's linear run, fused: from AP1 (or, dim, from the surround-adjusted XYZ: back to AP1, ODT
         * saturation) through AP1 → XYZ and the adaptation to the limiting primaries if any, else to the display's.
         */
        private final Matrix3 toLimitOrDisplay;
        /** Limiting primaries → XYZ → display primaries (null without limiting primaries). */
        private final Matrix3 limitToDisplay;

        Display(String id, Chromaticities primaries, Encoding encoding, boolean dim, boolean adapt, Chromaticities limiting,
                WhiteSimulation white, boolean academyInverse) {
            this.id = id;
            this.encoding = encoding;
            this.dim = dim;
            this.adapt = adapt;
            Matrix3 xyzToDisplay = primaries == null ? Matrix3.IDENTITY : primaries.xyzToRgb();
            this.displayToXyz = primaries == null ? Matrix3.IDENTITY : primaries.rgbToXyz();
            this.white = white;
            this.academyInverse = academyInverse;
            Matrix3 toXyz = dim ? AP1_TO_XYZ.times(ODT_SAT).times(XYZ_TO_AP1) : AP1_TO_XYZ;
            if (adapt) {
                toXyz = D60_TO_D65.times(toXyz);
            }
            this.toLimitOrDisplay = (limiting == null ? xyzToDisplay : limiting.xyzToRgb()).times(toXyz);
            this.limitToDisplay = limiting == null ? null : xyzToDisplay.times(limiting.rgbToXyz());
        }

        /** The ODT's transform name, after "ODT.Academy.". */
        public String id() {
            return id;
        }

        /** Whether ACES publishes its inverse (InvODT.Academy.…); the limiting-primaries ODTs have none. */
        public boolean academyInverse() {
            return academyInverse;
        }
    }

    private Aces13() {
    }

    /** ACES2065-1 → OCES (RRT.ctl). */
    public static void rrt(double[] aces) {
        sweeteners(aces);
        for (int i = 0; i < 3; i++) {
            aces[i] = splineC5(aces[i]);
        }
        AP1_TO_AP0.applyInPlace(aces);
    }

    /** rrt_sweeteners, in place: glow, red modifier, to the AP1 rendering space, global desaturation. */
    static void sweeteners(double[] aces) {
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
        AP0_TO_AP1.applyInPlace(aces);
        for (int i = 0; i < 3; i++) {
            aces[i] = Math.min(Math.max(aces[i], 0), HALF_MAX);
        }
        RRT_SAT.applyInPlace(aces);
    }

    /**
     * OCES → display code values (the ODT of {@code display}), in place. The linear steps between the tone scale (or
     * the surround's luminance gamma) and the display's clip run as one fused matrix; see {@link Display}.
     */
    public static void odt(Display display, double[] rgb) {
        AP0_TO_AP1.applyInPlace(rgb);
        for (int i = 0; i < 3; i++) {
            rgb[i] = splineC9(rgb[i]);
        }
        odtAfterToneScale(display, rgb);
    }

    /**
     * The RRT and an ODT in one pass (ACES2065-1 → display code values), what they compute apart: between the RRT's
     * C5 and the ODT's C9 tone scales the CTL goes AP1 → AP0 (OCES) → AP1, the identity, and 10^y then log10, so the C9
     * reads the C5's log output directly. Saves a matrix pair and two transcendentals per channel.
     */
    public static void rrtOdt(Display display, double[] aces) {
        sweeteners(aces);
        for (int i = 0; i < 3; i++) {
            // The C5 output is at least 1e-4 (its floor), above HALF_MIN: the C9's own clamp cannot apply.
            aces[i] = Math.pow(10, C9.logApply(C5.logApply(Math.log10(Math.max(aces[i], HALF_MIN)))));
        }
        odtAfterToneScale(display, aces);
    }

    /** The ODT from the C9 tone scale's output (cd/m², per AP1 channel) to code values. */
    private static void odtAfterToneScale(Display display, double[] rgb) {
        for (int i = 0; i < 3; i++) {
            rgb[i] = display.white.forward((rgb[i] - CINEMA_BLACK) / (CINEMA_WHITE - CINEMA_BLACK));
        }
        if (display.dim) {
            AP1_TO_XYZ.applyInPlace(rgb);
            darkToDimSurround(rgb);
        }
        display.toLimitOrDisplay.applyInPlace(rgb);
        if (display.limitToDisplay != null) { // limit_to_primaries: clip to [0, 1] in the limiting primaries
            for (int i = 0; i < 3; i++) {
                rgb[i] = Math.min(Math.max(rgb[i], 0), 1);
            }
            display.limitToDisplay.applyInPlace(rgb);
        }
        for (int i = 0; i < 3; i++) {
            if (display.encoding == Encoding.DCDM) {
                rgb[i] = Math.pow(Math.max(rgb[i], 0) * DCDM_WHITE_SCALE, 1 / 2.6); // clamp (DCDM: to [0, inf)) then dcdm_encode
                continue;
            }
            double v = Math.min(Math.max(rgb[i], 0), 1);
            rgb[i] = switch (display.encoding) {
                case BT1886 -> Math.pow(v, 1 / 2.4); // bt1886_r with L_W = 1, L_B = 0
                case SRGB -> moncurveReverse(v, 2.4, 0.055);
                case GAMMA_26, DCDM -> Math.pow(v, 1 / 2.6);
            };
        }
    }

    /**
     * Display code values → OCES (InvODT.Academy.*): each step of the ODT undone in reverse order. Clipping (the display
     * range, the limiting primaries, the white simulation's clip) cannot be undone: for the limiting ODTs, which ACES
     * gives no inverse, this is the inverse of the same ODT without the limit.
     */
    public static void inverseOdt(Display display, double[] cv) {
        double[] linear = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = cv[i];
            linear[i] = switch (display.encoding) {
                case BT1886 -> Math.pow(Math.max(v, 0), 2.4); // bt1886_f, L_W = 1, L_B = 0
                case SRGB -> moncurveForward(v, 2.4, 0.055);
                case GAMMA_26 -> Math.pow(Math.max(v, 0), 2.6);
                case DCDM -> Math.pow(Math.max(v, 0), 2.6) / DCDM_WHITE_SCALE; // dcdm_decode
            };
        }
        double[] xyz = display.displayToXyz.apply(linear);
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
            rgbPost[i] = C9.inverse(display.white.inverse(linear[i]) * (CINEMA_WHITE - CINEMA_BLACK) + CINEMA_BLACK);
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
        System.arraycopy(inverseSweeteners(rgbPost), 0, oces, 0, 3);
    }

    /** inv_rrt_sweeteners: desaturation, AP1 → AP0, red modifier and glow undone (AP1 after the tone scale in, ACES out). */
    static double[] inverseSweeteners(double[] rgbPost) {
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
            aces[i] *= reduced;
        }
        return aces;
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

    /** The cubic B-spline basis (M of the CTL's cubic_basis_shaper), rows for t³, t², t, 1. */
    private static final double[][] CUBIC_BASIS = {{-1. / 6, 3. / 6, -3. / 6, 1. / 6}, {3. / 6, -6. / 6, 3. / 6, 0}, {-3. / 6, 0, 3. / 6, 0},
        {1. / 6, 4. / 6, 1. / 6, 0}};

    /** The red modifier's hue weight: a cubic B-spline of full width {@code w} degrees (0 outside it, and for NaN hue). */
    static double cubicBasisShaper(double x, double w) {
        double y = 0;
        if (x > -w / 2 && x < w / 2) {
            double knot = (x + w / 2) * 4 / w;
            int j = (int) knot;
            double t = knot - j;
            int col = 3 - j;
            if (j >= 0 && j <= 3) {
                double[][] m = CUBIC_BASIS;
                y = t * t * t * m[0][col] + t * t * m[1][col] + t * m[2][col] + m[3][col];
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
            return Math.pow(10, logApply(Math.log10(Math.max(x, HALF_MIN))));
        }

        /** The spline in its log-log domain: log10 of the input (already held at HALF_MIN) → log10 of the output. */
        double logApply(double logx) {
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
            return logy;
        }

        /** segmented_spline_c5_rev / _c9_rev: solve the segment's quadratic for t; flat beyond the end points. */
        double inverse(double y) {
            double logy = Math.log10(Math.max(y, 1e-10));
            // The CTL's coefficients are printed to ten decimals, so in double the end knots can sit a hair inside
            // log10(min) and log10(max) (in float they coincide): values between are the end points, as in float.
            if (logy <= Math.max(logMinY, (low[0] + low[1]) / 2)) {
                return Math.pow(10, logMinX);
            }
            if (logy >= Math.min(logMaxY, (high[knots - 1] + high[knots]) / 2)) {
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

    /** darkSurround_to_dimSurround on XYZ, in place: luminance to the power 0.9811, chromaticity kept. */
    private static void darkToDimSurround(double[] xyz) {
        adjustLuminance(xyz, 0.9811);
    }

    /** darkSurround_to_dimSurround (gamma 0.9811) and its inverse (1 / 0.9811) on AP1, luminance only. */
    private static double[] surround(double[] linear, double gamma) {
        double[] xyz = AP1_TO_XYZ.apply(linear);
        adjustLuminance(xyz, gamma);
        return XYZ_TO_AP1.apply(xyz);
    }

    /** Y → Y^gamma in XYZ with x, y kept, through xyY with the CTL's guards. */
    private static void adjustLuminance(double[] xyz, double gamma) {
        double sum = xyz[0] + xyz[1] + xyz[2];
        if (sum == 0) {
            sum = 1e-10; // XYZ_2_xyY's guard
        }
        double x = xyz[0] / sum;
        double y = xyz[1] / sum;
        double bigY = Math.pow(Math.max(xyz[1], 0), gamma);
        xyz[0] = x * bigY / Math.max(y, 1e-10);
        xyz[1] = bigY;
        xyz[2] = (1 - x - y) * bigY / Math.max(y, 1e-10);
    }

    private static double moncurveReverse(double y, double gamma, double offset) {
        double yb = Math.pow(offset * gamma / ((gamma - 1) * (1 + offset)), gamma);
        double rs = Math.pow((gamma - 1) / offset, gamma - 1) * Math.pow((1 + offset) / gamma, gamma);
        return y >= yb ? (1 + offset) * Math.pow(y, 1 / gamma) - offset : y * rs;
    }
}
