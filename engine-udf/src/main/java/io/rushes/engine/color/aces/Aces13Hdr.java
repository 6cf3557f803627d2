package io.rushes.engine.color.aces;

import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.Gamut;
import io.rushes.engine.color.Matrix3;

/**
 * The ACES 1.3 HDR output transforms (RRTODT.Academy.*) and their inverses, written from ACESlib.OutputTransforms and
 * ACESlib.SSTS: the RRT's sweeteners, the Single Stage Tone Scale built for the display's minimum, mid and peak
 * luminance (its input shifted so ACES 0.18 lands on the mid luminance), clipping to the limiting primaries (in XYZ,
 * before the D60 → D65 adaptation, as the CTL does), and ST 2084 (PQ) with black stretched to code 0, or HLG.
 */
public final class Aces13Hdr {
    /** OpenEXR half.h HALF_MIN, as CTL defines it: the smallest positive (subnormal) half, 2^-24. */
    private static final double HALF_MIN = Math.pow(2, -24);

    /** The HDR outputs of ACES 1.3 (RRTODT.Academy.{@link #id}): luminance range, primaries, PQ or HLG. */
    public enum Output {
        REC2020_1000NITS_15NITS_ST2084("Rec2020_1000nits_15nits_ST2084", 0.0001, 15, 1000, Gamut.REC2020, false),
        REC2020_2000NITS_15NITS_ST2084("Rec2020_2000nits_15nits_ST2084", 0.0001, 15, 2000, Gamut.REC2020, false),
        REC2020_4000NITS_15NITS_ST2084("Rec2020_4000nits_15nits_ST2084", 0.0001, 15, 4000, Gamut.REC2020, false),
        P3D65_1000NITS_15NITS_ST2084("P3D65_1000nits_15nits_ST2084", 0.0001, 15, 1000, Gamut.P3_D65, false),
        P3D65_2000NITS_15NITS_ST2084("P3D65_2000nits_15nits_ST2084", 0.0001, 15, 2000, Gamut.P3_D65, false),
        P3D65_4000NITS_15NITS_ST2084("P3D65_4000nits_15nits_ST2084", 0.0001, 15, 4000, Gamut.P3_D65, false),
        P3D65_108NITS_7_2NITS_ST2084("P3D65_108nits_7point2nits_ST2084", 0.0001, 7.2, 108, Gamut.P3_D65, false),
        /** The 1000-nit PQ output re-encoded as HLG for a 1000 cd/m² display (BT.2100, through PQ as the CTL does). */
        REC2020_1000NITS_15NITS_HLG("Rec2020_1000nits_15nits_HLG", 0.0001, 15, 1000, Gamut.REC2020, true);

        private final String id;
        private final boolean hlg;
        private final double yMin;
        private final double yMax;
        private final Tonescale tonescale;
        private final Matrix3 displayToXyz;
        /** AP1 → XYZ → limiting (= display) primaries, fused. */
        private final Matrix3 toLimiting;
        /** Limiting primaries → XYZ → D60 to D65 → display primaries, fused. */
        private final Matrix3 limitingToDisplay;

        Output(String id, double yMin, double yMid, double yMax, Gamut primaries, boolean hlg) {
            this.id = id;
            this.hlg = hlg;
            this.yMin = yMin;
            this.yMax = yMax;
            Tonescale unshifted = new Tonescale(yMin, yMax, 0);
            double shift = log2(unshifted.inverse(yMid)) - log2(0.18);
            this.tonescale = new Tonescale(yMin, yMax, shift);
            Matrix3 xyzToDisplay = primaries.primaries().xyzToRgb();
            this.displayToXyz = primaries.primaries().rgbToXyz();
            this.toLimiting = xyzToDisplay.times(Aces13.AP1_TO_XYZ);
            this.limitingToDisplay = xyzToDisplay.times(Aces13.D60_TO_D65).times(displayToXyz);
        }

        /** The transform name after "RRTODT.Academy." (its inverse: "InvRRTODT.Academy."). */
        public String id() {
            return id;
        }
    }

    private Aces13Hdr() {
    }

    /** ACES2065-1 → PQ (or HLG) code values, in place. */
    public static void apply(Output o, double[] aces) {
        Aces13.sweeteners(aces);
        for (int i = 0; i < 3; i++) {
            aces[i] = (o.tonescale.forward(aces[i]) - o.yMin) / (o.yMax - o.yMin);
        }
        o.toLimiting.applyInPlace(aces); // the limiting primaries are the display's in every ACES 1.3 HDR output
        for (int i = 0; i < 3; i++) {
            aces[i] = Math.min(Math.max(aces[i], 0), 1);
        }
        o.limitingToDisplay.applyInPlace(aces);
        for (int i = 0; i < 3; i++) {
            double y = Math.max(Math.max(aces[i], 0) * o.yMax, 0); // STRETCH_BLACK: linCV_2_Y with Ymin 0
            aces[i] = Aces20.yToSt2084(y);
        }
        if (o.hlg) {
            Aces20.st2084ToHlg1000(aces);
        }
    }

    /**
     * Code values → ACES2065-1 (InvRRTODT.Academy.*, invOutputTransform): PQ (or HLG through PQ) to luminance, display
     * primaries to XYZ, the adaptation undone, the tone scale inverted in AP1 and the RRT's sweeteners undone.
     */
    public static void inverse(Output o, double[] cv) {
        double[] linear = cv.clone();
        if (o.hlg) {
            Aces20.hlgToSt2084Y1000(linear); // display luminance, cd/m²
        } else {
            for (int i = 0; i < 3; i++) {
                linear[i] = Aces20.st2084ToY(cv[i]);
            }
        }
        for (int i = 0; i < 3; i++) {
            linear[i] /= o.yMax; // Y_2_linCV with black stretched (Y_MIN 0)
        }
        double[] xyz = Aces13.D60_TO_D65.inverse().apply(o.displayToXyz.apply(linear));
        double[] rgbPost = Aces13.XYZ_TO_AP1.apply(xyz);
        for (int i = 0; i < 3; i++) {
            rgbPost[i] = o.tonescale.inverse(rgbPost[i] * (o.yMax - o.yMin) + o.yMin);
        }
        System.arraycopy(Aces13.inverseSweeteners(rgbPost), 0, cv, 0, 3);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** interpolate1D over a two-point table, clamped at its ends (the CTL built-in). */
    private static double interpolate(double x0, double y0, double x1, double y1, double x) {
        if (x <= x0) {
            return y0;
        }
        if (x >= x1) {
            return y1;
        }
        return y0 + (x - x0) / (x1 - x0) * (y1 - y0);
    }

    /** The Single Stage Tone Scale (ACESlib.SSTS): quadratic B-splines in log-log between min, mid and max points. */
    static final class Tonescale {
        private final double minX;
        private final double minY;
        private final double midX;
        private final double midY;
        private final double maxX;
        private final double maxY;
        private final double[] low = new double[6];
        private final double[] high = new double[6];

        Tonescale(double minLum, double maxLum, double expShift) {
            double acesMin = 0.18 * Math.pow(2, interpolate(Math.log10(0.0001), -15, Math.log10(0.02), -6.5, Math.log10(minLum)));
            double acesMax = 0.18 * Math.pow(2, interpolate(Math.log10(48.0), 6.5, Math.log10(10000.0), 18, Math.log10(maxLum)));
            double midSlope = 1.55;
            // coefsLow / coefsHigh from the unshifted points (init_coefsLow, init_coefsHigh).
            double knotIncLow = (Math.log10(0.18) - Math.log10(acesMin)) / 3;
            low[0] = Math.log10(minLum); // slope 0 at the min point
            low[1] = Math.log10(minLum);
            low[3] = midSlope * (Math.log10(0.18) - 0.5 * knotIncLow) + (Math.log10(4.8) - midSlope * Math.log10(0.18));
            low[4] = midSlope * (Math.log10(0.18) + 0.5 * knotIncLow) + (Math.log10(4.8) - midSlope * Math.log10(0.18));
            double pctLow = interpolate(-15, 0.18, -6.5, 0.35, log2(acesMin / 0.18));
            low[2] = Math.log10(minLum) + pctLow * (Math.log10(4.8) - Math.log10(minLum));
            low[5] = low[4];
            double knotIncHigh = (Math.log10(acesMax) - Math.log10(0.18)) / 3;
            high[0] = midSlope * (Math.log10(0.18) - 0.5 * knotIncHigh) + (Math.log10(4.8) - midSlope * Math.log10(0.18));
            high[1] = midSlope * (Math.log10(0.18) + 0.5 * knotIncHigh) + (Math.log10(4.8) - midSlope * Math.log10(0.18));
            high[3] = Math.log10(maxLum);
            high[4] = Math.log10(maxLum);
            double pctHigh = interpolate(6.5, 0.89, 18, 0.90, log2(acesMax / 0.18));
            high[2] = Math.log10(4.8) + pctHigh * (Math.log10(maxLum) - Math.log10(4.8));
            high[5] = high[4];
            minX = Math.pow(2, log2(acesMin) - expShift);
            midX = Math.pow(2, log2(0.18) - expShift);
            maxX = Math.pow(2, log2(acesMax) - expShift);
            minY = minLum;
            midY = 4.8;
            maxY = maxLum;
        }

        double forward(double x) {
            double logx = Math.log10(Math.max(x, HALF_MIN));
            double logy;
            if (logx <= Math.log10(minX)) {
                logy = Math.log10(minY); // slope 0 below the min point
            } else if (logx < Math.log10(midX)) {
                logy = Aces13.quadratic(low, 3 * (logx - Math.log10(minX)) / (Math.log10(midX) - Math.log10(minX)), 2);
            } else if (logx < Math.log10(maxX)) {
                logy = Aces13.quadratic(high, 3 * (logx - Math.log10(midX)) / (Math.log10(maxX) - Math.log10(midX)), 2);
            } else {
                logy = Math.log10(maxY);
            }
            return Math.pow(10, logy);
        }

        /** inv_ssts: the luminance back to the (shifted) scene value, solving the segment's quadratic. */
        double inverse(double y) {
            double logy = Math.log10(Math.max(y, 1e-10));
            if (logy <= Math.log10(minY)) {
                return minX;
            }
            if (logy >= Math.log10(maxY)) {
                return maxX;
            }
            boolean isLow = logy <= Math.log10(midY);
            double[] c = isLow ? low : high;
            double base = isLow ? Math.log10(minX) : Math.log10(midX);
            double inc = isLow ? (Math.log10(midX) - Math.log10(minX)) / 3 : (Math.log10(maxX) - Math.log10(midX)) / 3;
            int j = 0;
            for (int k = 0; k < 3; k++) {
                double knotLow = (c[k] + c[k + 1]) / 2;
                double knotHigh = (c[k + 1] + c[k + 2]) / 2;
                if (logy > knotLow && logy <= knotHigh || (k == 0 && !isLow && logy >= knotLow && logy <= knotHigh)) {
                    j = k;
                    break;
                }
            }
            return Math.pow(10, base + Aces13.quadraticInverse(c, j, logy) * inc);
        }
    }
}
