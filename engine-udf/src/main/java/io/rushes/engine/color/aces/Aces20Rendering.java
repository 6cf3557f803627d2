package io.rushes.engine.color.aces;

import io.rushes.engine.color.Chromaticities;
import io.rushes.engine.color.Matrix3;

/**
 * The display-independent part of an ACES 2.0 output transform for one peak luminance and one set of limiting
 * primaries (init_ODTParams, outputTransform_fwd/inv of Lib.Academy.OutputTransform, April 2025): the Daniele tone
 * scale on J, chroma compression towards the reach gamut (AP1), and gamut compression onto the limiting gamut's hull,
 * whose cusps and upper-hull gammas are tabulated per hue when built. Building takes tens of milliseconds, so
 * instances are made once and shared ({@link Aces20} caches them).
 *
 * <p>Follows the CTL step for step, including its quirks where they change numbers: the gamma table is interpolated
 * with an unnormalised weight (h − h_lo), the limiting cusp corners are rotated with the CTL's fixed index, and table
 * searches stop at the CTL's tolerances. Computed in double precision where the CTL uses float.
 */
final class Aces20Rendering {
    private static final int TABLE_SIZE = 360;
    private static final int TOTAL_TABLE_SIZE = TABLE_SIZE + 2;
    private static final int BASE_INDEX = 1;
    private static final double HUE_LIMIT = 360;
    private static final int CORNERS = 6;
    private static final int TOTAL_CORNERS = CORNERS + 2;
    private static final double REACH_CUSP_TOLERANCE = 1e-3;
    private static final double DISPLAY_CUSP_TOLERANCE = 1e-7;
    private static final double GAMMA_MINIMUM = 0;
    private static final double GAMMA_MAXIMUM = 5;
    private static final double GAMMA_SEARCH_STEP = 0.4;
    private static final double GAMMA_ACCURACY = 1e-5;

    private static final double CHROMA_COMPRESS = 2.4;
    private static final double CHROMA_COMPRESS_FACT = 3.3;
    private static final double CHROMA_EXPAND = 1.3;
    private static final double CHROMA_EXPAND_FACT = 0.69;
    private static final double CHROMA_EXPAND_THR = 0.5;
    private static final double SMOOTH_CUSPS = 0.12;
    private static final double SMOOTH_M = 0.27;
    private static final double CUSP_MID_BLEND = 1.3;
    private static final double FOCUS_GAIN_BLEND = 0.3;
    private static final double FOCUS_DISTANCE = 1.35;
    private static final double FOCUS_DISTANCE_SCALING = 1.75;
    private static final double COMPRESSION_THRESHOLD = 0.75;
    private static final double[] TEST_POSITIONS = {0.01, 0.1, 0.5, 0.8, 0.99};

    private static final Matrix3 AP0_TO_AP1 = Chromaticities.AP1.xyzToRgb().times(Chromaticities.AP0.rgbToXyz());
    private static final Matrix3 AP1_TO_AP0 = Chromaticities.AP0.xyzToRgb().times(Chromaticities.AP1.rgbToXyz());

    final double peakLuminance;
    final Tonescale ts;
    final JmhSpace input = new JmhSpace(Chromaticities.AP0);
    final JmhSpace reach = new JmhSpace(Chromaticities.AP1);
    final JmhSpace limit;
    final double limitJMax;
    private final double modelGammaInv = 1 / JmhSpace.MODEL_GAMMA;
    private final double[] reachM;
    private final double sat;
    private final double satThr;
    private final double compr;
    private final double chromaCompressScale;
    private final double midJ;
    private final double focusDist;
    private final double lowerHullGammaInv;
    /** Per table entry: cusp J, cusp M (smoothed), hue. */
    private final double[] cuspJ = new double[TOTAL_TABLE_SIZE];
    private final double[] cuspM = new double[TOTAL_TABLE_SIZE];
    private final double[] hues = new double[TOTAL_TABLE_SIZE];
    private final double[] upperHullGammaInv;
    /** Forward-pass constants: AP1 → input (AP0) cone responses, Aab matrix, F_L/100, A_w_J, A at J max. */
    private final double[] ap1ToInputCone = input.rgbToCone(AP1_TO_AP0);
    private final double[] inputConeToAab = input.coneToAab();
    private final double inputFlN = input.flN();
    private final double inputAwJ = input.awJ();
    private final double limitA;

    Aces20Rendering(double peakLuminance, Chromaticities limiting) {
        this.peakLuminance = peakLuminance;
        this.ts = new Tonescale(peakLuminance);
        this.limit = new JmhSpace(limiting);
        this.limitJMax = input.yToJ(peakLuminance);
        this.limitA = Math.pow(limitJMax / 100, 1 / JmhSpace.MODEL_GAMMA);
        this.reachM = makeReachMTable();
        this.sat = Math.max(0.2, CHROMA_EXPAND - CHROMA_EXPAND * CHROMA_EXPAND_FACT * ts.logPeak);
        this.satThr = CHROMA_EXPAND_THR / peakLuminance;
        this.compr = CHROMA_COMPRESS + CHROMA_COMPRESS * CHROMA_COMPRESS_FACT * ts.logPeak;
        this.chromaCompressScale = Math.pow(0.03379 * peakLuminance, 0.30596) - 0.45135;
        this.midJ = input.yToJ(ts.cT * JmhSpace.REFERENCE_LUMINANCE);
        this.focusDist = FOCUS_DISTANCE + FOCUS_DISTANCE * FOCUS_DISTANCE_SCALING * ts.logPeak;
        this.lowerHullGammaInv = 1 / (1.14 + 0.07 * ts.logPeak);
        makeUniformHueGamutTable();
        this.upperHullGammaInv = makeUpperHullGammaTable();
    }

    // ---------------------------------------------------------------------------------------------- per pixel

    /**
     * ACES2065-1 → linear RGB in the limiting primaries (1.0 = 100 cd/m²), in place; scratch holds 3 doubles.
     *
     * <p>The CTL's steps with its redundant round trips taken out, exactly (to rounding): the AP1 clamp feeds a fused
     * AP1 → cone matrix; the achromatic response A is kept, so J → Y needs no power, and the two M rescalings
     * (J_ts/J)^(1/γ) and (J_ts/J_max)^(1/γ) become ratios of A; the hue's cosine and sine are a/M and b/M, reused by
     * the chroma normalisation and the final JMh → RGB. About 30 % fewer transcendental calls than the literal CTL.
     */
    void forward(double[] rgb, double[] scratch) {
        double[] p = AP0_TO_AP1.m();
        double x = rgb[0];
        double y = rgb[1];
        double z = rgb[2];
        double lim = ts.forwardLimit;
        double r1 = Math.max(0, Math.min(lim, p[0] * x + p[1] * y + p[2] * z));
        double g1 = Math.max(0, Math.min(lim, p[3] * x + p[4] * y + p[5] * z));
        double b1 = Math.max(0, Math.min(lim, p[6] * x + p[7] * y + p[8] * z));
        double[] m = ap1ToInputCone;
        double c0 = JmhSpace.compressSigned(m[0] * r1 + m[1] * g1 + m[2] * b1);
        double c1 = JmhSpace.compressSigned(m[3] * r1 + m[4] * g1 + m[5] * b1);
        double c2 = JmhSpace.compressSigned(m[6] * r1 + m[7] * g1 + m[8] * b1);
        double[] q = inputConeToAab;
        double achromatic = q[0] * c0 + q[1] * c1 + q[2] * c2;
        if (achromatic <= 0) {
            rgb[0] = 0;
            rgb[1] = 0;
            rgb[2] = 0;
            return;
        }
        double ca = q[3] * c0 + q[4] * c1 + q[5] * c2;
        double cb = q[6] * c0 + q[7] * c1 + q[8] * c2;
        double colourfulness = Math.sqrt(ca * ca + cb * cb);
        double h = JmhSpace.wrapHue(Math.toDegrees(Math.atan2(cb, ca)));
        double cosH = colourfulness > 0 ? ca / colourfulness : 1;
        double sinH = colourfulness > 0 ? cb / colourfulness : 0;

        // Tone scale on the achromatic response: J → Y is A's inverse compression.
        double linear = JmhSpace.decompress(inputAwJ * achromatic) / inputFlN / JmhSpace.REFERENCE_LUMINANCE;
        double tonemappedY = ts.forward(linear);
        double achromaticTs = JmhSpace.compress(tonemappedY * inputFlN) / inputAwJ;
        double jTs = 100 * Math.pow(achromaticTs, JmhSpace.MODEL_GAMMA);
        double mCompr = colourfulness;
        if (colourfulness != 0) {
            double nJ = jTs / limitJMax;
            double snJ = Math.max(0, 1 - nJ);
            double mNorm = chromaCompressNorm(cosH, sinH);
            double mLimit = achromaticTs / limitA * reachMFromTable(h) / mNorm; // nJ^(1/γ) = A_ts / A_max
            mCompr = colourfulness * (achromaticTs / achromatic) / mNorm; // (J_ts / J)^(1/γ) = A_ts / A
            mCompr = mLimit - toe(mLimit - mCompr, mLimit - 0.001, snJ * sat, Math.sqrt(nJ * nJ + satThr), false);
            mCompr = toe(mCompr, mLimit, nJ * compr, snJ, false);
            mCompr = mCompr * mNorm;
        }
        double[] jmh = scratch;
        jmh[0] = jTs;
        jmh[1] = mCompr;
        jmh[2] = h;
        gamutCompress(jmh, false);
        if (jmh[0] == jTs) { // inside the gamut's compression threshold J stays: A is known, no power needed
            limit.achromaticToRgb(achromaticTs, jmh[1], cosH, sinH, rgb);
        } else {
            limit.jmhToRgb(jmh[0], jmh[1], cosH, sinH, rgb);
        }
    }

    /** Linear RGB in the limiting primaries → ACES2065-1, in place. */
    void inverse(double[] rgb, double[] scratch) {
        double[] jmh = scratch;
        limit.rgbToJmh(rgb[0], rgb[1], rgb[2], jmh);
        gamutCompress(jmh, true);
        tonemapAndCompressInverse(jmh);
        input.jmhToRgb(jmh[0], jmh[1], jmh[2], rgb);
    }

    private void tonemapAndCompressInverse(double[] jmh) {
        double jTs = jmh[0];
        double luminance = input.jToY(jTs);
        // Peak white is the tone scale's asymptote: its inverse there is infinite (and JMh of it NaN). The forward clamps
        // AP1 at forwardLimit, so the inverse stops there too: a display's peak comes back as the brightest scene value
        // the forward tells apart, and goes forward to peak again.
        double linear = Math.min(ts.forwardLimit, ts.inverse(luminance / JmhSpace.REFERENCE_LUMINANCE));
        double j = input.yToJ(linear * JmhSpace.REFERENCE_LUMINANCE);
        double mCompr = jmh[1];
        double h = jmh[2];
        double m = mCompr;
        if (mCompr != 0) {
            double nJ = jTs / limitJMax;
            double snJ = Math.max(0, 1 - nJ);
            double mNorm = chromaCompressNorm(h);
            double lim = Math.pow(nJ, modelGammaInv) * reachMFromTable(h) / mNorm;
            m = mCompr / mNorm;
            m = toe(m, lim, nJ * compr, snJ, true);
            m = lim - toe(lim - m, lim - 0.001, snJ * sat, Math.sqrt(nJ * nJ + satThr), true);
            m = m * mNorm;
            m = m * Math.pow(jTs / j, -modelGammaInv);
        }
        jmh[0] = j;
        jmh[1] = m;
    }

    private void gamutCompress(double[] jmh, boolean invert) {
        double j = jmh[0];
        double m = jmh[1];
        double h = jmh[2];
        if (j <= 0) {
            jmh[0] = 0;
            jmh[1] = 0;
            return;
        }
        // At the limit's J there is only its white: the compression's geometry degenerates there (0/0), so M is 0, as
        // above it (the CTL tests J > limitJmax, and its inverse of peak white is NaN).
        if (m < 0 || j >= limitJMax) {
            jmh[1] = 0;
            return;
        }
        int hi = hueInterval(h);
        double t = (h - hues[hi - 1]) / (hues[hi] - hues[hi - 1]);
        double cJ = lerp(cuspJ[hi - 1], cuspJ[hi], t);
        double cM = lerp(cuspM[hi - 1], cuspM[hi], t);
        double gammaTopInv = lerp(upperHullGammaInv[hi - 1], upperHullGammaInv[hi], h - hues[hi - 1]); // CTL: unnormalised weight
        double focusJ = focusJ(cJ);
        double threshold = lerp(cJ, limitJMax, FOCUS_GAIN_BLEND);
        double jx = j;
        if (invert && jx > threshold) {
            jx = compress(j, m, h, jx, cJ, cM, gammaTopInv, focusJ, threshold, true, jmh);
        }
        compress(j, m, h, jx, cJ, cM, gammaTopInv, focusJ, threshold, invert, jmh);
    }

    /** compress_gamut: moves (J, M) along the compression vector; writes J, M into jmh and returns the new J. */
    private double compress(double j, double m, double h, double jx, double cJ, double cM, double gammaTopInv, double focusJ,
            double threshold, boolean invert, double[] jmh) {
        double slopeGain = focusGain(jx, threshold);
        double jIntersectSource = solveJIntersect(j, m, focusJ, slopeGain);
        double slope = compressionVectorSlope(jIntersectSource, focusJ, slopeGain);
        double jIntersectCusp = solveJIntersect(cJ, cM, focusJ, slopeGain);
        double gamutBoundaryM = gamutBoundaryIntersection(cJ, cM, gammaTopInv, jIntersectSource, slope, jIntersectCusp);
        if (gamutBoundaryM <= 0) {
            jmh[0] = j;
            jmh[1] = 0;
            return j;
        }
        if (m <= COMPRESSION_THRESHOLD * gamutBoundaryM) {
            // remap_M leaves M below its threshold (at least 0.75 of the boundary) as it is, whatever the reach
            // boundary: skip computing that, and keep J exactly (the CTL recomputes it from the line through it).
            jmh[0] = j;
            jmh[1] = m;
            return j;
        }
        double reachBoundaryM = lineBoundaryIntersectionM(jIntersectSource, slope, modelGammaInv, limitJMax, reachMFromTable(h), limitJMax);
        double remapped = remapM(m, gamutBoundaryM, reachBoundaryM, invert);
        jmh[0] = jIntersectSource + remapped * slope;
        jmh[1] = remapped;
        return jmh[0];
    }

    // ---------------------------------------------------------------------------------------------- CTL helpers

    private double chromaCompressNorm(double h) {
        double hr = Math.toRadians(h);
        return chromaCompressNorm(Math.cos(hr), Math.sin(hr));
    }

    /** chroma_compress_norm: the rendering space's cusp M as a Fourier series in hue. */
    private double chromaCompressNorm(double a, double b) {
        double cos2 = a * a - b * b;
        double sin2 = 2 * a * b;
        double cos3 = 4 * a * a * a - 3 * a;
        double sin3 = 3 * b - 4 * b * b * b;
        double m = 11.34072 * a + 16.46899 * cos2 + 7.88380 * cos3 + 14.66441 * b - 6.37224 * sin2 + 9.19364 * sin3 + 77.12896;
        return m * chromaCompressScale;
    }

    /** reach_M_from_table: the uniform 1° table, interpolated (hue already in [0, 360)). */
    private double reachMFromTable(double h) {
        int base = (int) JmhSpace.wrapHue(h);
        double t = h - base;
        return lerp(reachM[base + BASE_INDEX], reachM[base + BASE_INDEX + 1], t);
    }

    /** A toe that remaps x in [0, limit] (k1, k2 shape it); x above the limit passes. */
    static double toe(double x, double limit, double k1In, double k2In, boolean invert) {
        if (x > limit) {
            return x;
        }
        double k2 = Math.max(k2In, 0.001);
        double k1 = Math.sqrt(k1In * k1In + k2 * k2);
        double k3 = (limit + k1) / (limit + k2);
        if (invert) {
            return (x * x + k1 * x) / (k3 * (x + k2));
        }
        double minusB = k3 * x - k1;
        double minusC = k2 * k3 * x;
        return 0.5 * (minusB + Math.sqrt(minusB * minusB + 4 * minusC));
    }

    private double compressionVectorSlope(double intersectJ, double focusJ, double slopeGain) {
        double direction = intersectJ < focusJ ? intersectJ : limitJMax - intersectJ;
        return direction * (intersectJ - focusJ) / (focusJ * slopeGain);
    }

    private double solveJIntersect(double j, double m, double focusJ, double slopeGain) {
        double mScaled = m / slopeGain;
        double a = mScaled / focusJ;
        if (j < focusJ) {
            double b = 1 - mScaled;
            double c = -j;
            double root = Math.sqrt(b * b - 4 * a * c);
            return -2 * c / (b + root);
        }
        double b = -(1 + mScaled + limitJMax * a);
        double c = limitJMax * mScaled + j;
        double root = Math.sqrt(b * b - 4 * a * c);
        return -2 * c / (b - root);
    }

    private static double sminScaled(double a, double b, double scaleReference) {
        double s = SMOOTH_CUSPS * scaleReference;
        double h = Math.max(s - Math.abs(a - b), 0) / s;
        return Math.min(a, b) - h * h * h * s * (1.0 / 6.0);
    }

    /** Approximate intersection (its M) of the line J = slope·M + J0 with the boundary J = J_max·(M/M_max)^(1/inv_gamma). */
    private static double lineBoundaryIntersectionM(double jAxisIntersect, double slope, double invGamma, double jMax, double mMax,
            double jIntersectionReference) {
        double normalised = jAxisIntersect / jIntersectionReference;
        double shifted = jIntersectionReference * Math.pow(normalised, invGamma);
        return shifted * mMax / (jMax - slope * mMax);
    }

    private double gamutBoundaryIntersection(double cJ, double cM, double gammaTopInv, double jIntersectSource, double slope,
            double jIntersectCusp) {
        double lower = lineBoundaryIntersectionM(jIntersectSource, slope, lowerHullGammaInv, cJ, cM, jIntersectCusp);
        // The upper hull is flipped, zeroed at J max, with the slope negated.
        double upper = lineBoundaryIntersectionM(limitJMax - jIntersectSource, -slope, gammaTopInv, limitJMax - cJ, cM,
                limitJMax - jIntersectCusp);
        return sminScaled(lower, upper, cM);
    }

    private double focusGain(double j, double threshold) {
        double gain = limitJMax * focusDist;
        if (j > threshold) {
            double adjustment = Math.log10((limitJMax - threshold) / Math.max(0.0001, limitJMax - j));
            gain = gain * (adjustment * adjustment + 1);
        }
        return gain;
    }

    private static double remapM(double m, double gamutBoundaryM, double reachBoundaryM, boolean invert) {
        double proportion = Math.max(gamutBoundaryM / reachBoundaryM, COMPRESSION_THRESHOLD);
        double threshold = proportion * gamutBoundaryM;
        if (m <= threshold || proportion >= 1) {
            return m;
        }
        double mOffset = m - threshold;
        double gamutOffset = gamutBoundaryM - threshold;
        double reachOffset = reachBoundaryM - threshold;
        double scale = reachOffset / ((reachOffset / gamutOffset) - 1);
        double nd = mOffset / scale;
        if (invert) {
            return threshold + (nd >= 1 ? scale : scale * -(nd / (nd - 1)));
        }
        return threshold + scale * nd / (1 + nd);
    }

    private double focusJ(double cuspJ) {
        return lerp(cuspJ, midJ, Math.min(1, CUSP_MID_BLEND - cuspJ / limitJMax));
    }

    /** The table index i (1..361) with hues[i−1] < h ≤ hues[i] (lookup_hue_interval / cusp_from_table). */
    private int hueInterval(double h) {
        int lo = 0;
        int hi = BASE_INDEX + TABLE_SIZE;
        while (lo + 1 < hi) {
            int mid = (lo + hi) >>> 1;
            if (h > hues[mid]) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return Math.max(1, hi);
    }

    private static double lerp(double a, double b, double t) {
        return a + t * (b - a);
    }

    // ---------------------------------------------------------------------------------------------- tables

    /** The reach gamut's M at J max for each whole hue: where JMh → AP1 first leaves the positive octant. */
    private double[] makeReachMTable() {
        double[] table = new double[TOTAL_TABLE_SIZE];
        double[] rgb = new double[3];
        for (int i = 0; i < TABLE_SIZE; i++) {
            double hue = i * HUE_LIMIT / TABLE_SIZE;
            double low = 0;
            double high = 50;
            boolean outside = false;
            while (!outside && high < 1300) {
                reach.jmhToRgb(limitJMax, high, hue, rgb);
                outside = anyBelowZero(rgb);
                if (!outside) {
                    low = high;
                    high += 50;
                }
            }
            while (high - low > 1e-2) {
                double sample = (high + low) / 2;
                reach.jmhToRgb(limitJMax, sample, hue, rgb);
                if (anyBelowZero(rgb)) {
                    high = sample;
                } else {
                    low = sample;
                }
            }
            table[i + BASE_INDEX] = high;
        }
        table[0] = table[TABLE_SIZE];
        table[BASE_INDEX + TABLE_SIZE] = table[BASE_INDEX];
        return table;
    }

    private static boolean anyBelowZero(double[] rgb) {
        return rgb[0] < 0 || rgb[1] < 0 || rgb[2] < 0;
    }

    /** Unit cube corners in hue order R, Y, G, C, B, M. */
    private static double[] cubeCorner(int corner) {
        return new double[] {
            (corner + 1) % CORNERS < 3 ? 1 : 0,
            (corner + 5) % CORNERS < 3 ? 1 : 0,
            (corner + 3) % CORNERS < 3 ? 1 : 0};
    }

    /** Hue tables: uniform steps that also sample every reach and limiting corner hue, and the limiting cusp per hue. */
    private void makeUniformHueGamutTable() {
        double[][] reachCorners = reachCornersTable();
        double[][] limitingRgb = new double[TOTAL_CORNERS][];
        double[][] limitingJmh = new double[TOTAL_CORNERS][];
        limitingCornersTables(limitingRgb, limitingJmh);
        double[] sorted = sortedCubeHues(reachCorners, limitingJmh);
        double[] hueTable = hueTable(sorted);
        double[] jm = new double[2];
        for (int i = BASE_INDEX; i < TOTAL_TABLE_SIZE; i++) {
            displayCuspForHue(hueTable[i], limitingRgb, limitingJmh, jm);
            cuspJ[i] = jm[0];
            cuspM[i] = jm[1] * (1 + SMOOTH_M * SMOOTH_CUSPS);
            hues[i] = hueTable[i];
        }
        cuspJ[0] = cuspJ[TABLE_SIZE];
        cuspM[0] = cuspM[TABLE_SIZE];
        hues[0] = hueTable[0];
        cuspJ[BASE_INDEX + TABLE_SIZE] = cuspJ[BASE_INDEX];
        cuspM[BASE_INDEX + TABLE_SIZE] = cuspM[BASE_INDEX];
        hues[BASE_INDEX + TABLE_SIZE] = hueTable[BASE_INDEX + TABLE_SIZE];
    }

    /** Each reach (AP1) corner scaled until its J reaches J max (searched on the achromatic response). */
    private double[][] reachCornersTable() {
        double[][] temp = new double[CORNERS][3];
        double limitA = Math.pow(limitJMax / 100, 1 / JmhSpace.MODEL_GAMMA);
        double[] aab = new double[3];
        int minIndex = 0;
        for (int i = 0; i < CORNERS; i++) {
            double[] v = cubeCorner(i);
            double lower = 0;
            double upper = ts.forwardLimit;
            while (upper - lower > REACH_CUSP_TOLERANCE) {
                double test = (lower + upper) / 2;
                reach.rgbToAab(test * v[0], test * v[1], test * v[2], aab);
                if (aab[0] < limitA) {
                    lower = test;
                } else {
                    upper = test;
                }
            }
            reach.rgbToJmh(upper * v[0], upper * v[1], upper * v[2], temp[i]);
            if (temp[i][2] < temp[minIndex][2]) {
                minIndex = i;
            }
        }
        double[][] corners = new double[TOTAL_CORNERS][];
        for (int i = 0; i < CORNERS; i++) {
            corners[i + 1] = temp[(i + minIndex) % CORNERS].clone();
        }
        corners[0] = corners[CORNERS].clone();
        corners[CORNERS + 1] = corners[1].clone();
        corners[0][2] -= HUE_LIMIT;
        corners[CORNERS + 1][2] += HUE_LIMIT;
        return corners;
    }

    private void limitingCornersTables(double[][] rgbCorners, double[][] jmhCorners) {
        double[][] tempRgb = new double[CORNERS][];
        double[][] tempJmh = new double[CORNERS][3];
        int minIndex = 0;
        for (int i = 0; i < CORNERS; i++) {
            double[] c = cubeCorner(i);
            double s = peakLuminance / JmhSpace.REFERENCE_LUMINANCE;
            tempRgb[i] = new double[] {c[0] * s, c[1] * s, c[2] * s};
            limit.rgbToJmh(tempRgb[i][0], tempRgb[i][1], tempRgb[i][2], tempJmh[i]);
            if (tempJmh[i][2] < tempJmh[minIndex][2]) {
                minIndex = 1; // as the CTL has it (red, corner 0, has the lowest hue for every ACES limiting gamut)
            }
        }
        for (int i = 0; i < CORNERS; i++) {
            rgbCorners[i + 1] = tempRgb[(i + minIndex) % CORNERS].clone();
            jmhCorners[i + 1] = tempJmh[(i + minIndex) % CORNERS].clone();
        }
        rgbCorners[0] = rgbCorners[CORNERS].clone();
        rgbCorners[CORNERS + 1] = rgbCorners[1].clone();
        jmhCorners[0] = jmhCorners[CORNERS].clone();
        jmhCorners[CORNERS + 1] = jmhCorners[1].clone();
        jmhCorners[0][2] -= HUE_LIMIT;
        jmhCorners[CORNERS + 1][2] += HUE_LIMIT;
    }

    /** Merge of the two sorted corner hue lists, equal hues once. */
    private static double[] sortedCubeHues(double[][] reachJmh, double[][] limitJmh) {
        double[] sorted = new double[2 * CORNERS];
        int idx = 0;
        int r = 1;
        int l = 1;
        while (r < CORNERS + 1 || l < CORNERS + 1) {
            // Past the end of one list the CTL reads the wrapped copy at [CORNERS + 1] (hue + 360), which sorts last.
            double reachHue = reachJmh[r][2];
            double limitHue = limitJmh[l][2];
            if (reachHue == limitHue) {
                sorted[idx] = reachHue;
                r++;
                l++;
            } else if (reachHue < limitHue) {
                sorted[idx] = reachHue;
                r++;
            } else {
                sorted[idx] = limitHue;
                l++;
            }
            idx++;
        }
        return sorted;
    }

    /** build_hue_table: 360 hues, near-uniform, each corner hue at the index nearest its own value. */
    private static double[] hueTable(double[] sortedHues) {
        double[] table = new double[TOTAL_TABLE_SIZE];
        double idealSpacing = TABLE_SIZE / HUE_LIMIT;
        int[] samplesCount = new int[2 * CORNERS + 2];
        int lastIdx = 0;
        int minIndex = sortedHues[0] == 0.0 ? 0 : 1;
        for (int hueIdx = 0; hueIdx < 2 * CORNERS; hueIdx++) {
            int nominalIdx = (int) Math.min(Math.max(ctlRound(sortedHues[hueIdx] * idealSpacing), minIndex), TABLE_SIZE - 1);
            if (lastIdx == nominalIdx) {
                // Two hues would sample the same index: move the previous one down if there is room, else this one up.
                if (hueIdx > 1 && samplesCount[hueIdx - 2] != samplesCount[hueIdx - 1] - 1) {
                    samplesCount[hueIdx - 1] = samplesCount[hueIdx - 1] - 1;
                } else {
                    nominalIdx = nominalIdx + 1;
                }
            }
            samplesCount[hueIdx] = Math.min(nominalIdx, TABLE_SIZE - 1);
            minIndex = nominalIdx;
            lastIdx = minIndex;
        }
        int total = 0;
        sampleInterval(table, samplesCount[0], 0.0, sortedHues[0], total + 1);
        total += samplesCount[0];
        int i;
        for (i = 1; i < 2 * CORNERS; i++) {
            int samples = samplesCount[i] - samplesCount[i - 1];
            sampleInterval(table, samples, sortedHues[i - 1], sortedHues[i], total + 1);
            total += samples;
        }
        sampleInterval(table, TABLE_SIZE - total, sortedHues[i - 1], HUE_LIMIT, total + 1);
        table[0] = table[BASE_INDEX + TABLE_SIZE - 1] - HUE_LIMIT;
        table[BASE_INDEX + TABLE_SIZE] = table[BASE_INDEX] + HUE_LIMIT;
        return table;
    }

    private static void sampleInterval(double[] table, int samples, double lower, double upper, int base) {
        double delta = (upper - lower) / samples;
        for (int i = 0; i < samples; i++) {
            table[base + i] = lower + i * delta;
        }
    }

    /** The CTL's round: to the nearest integer, halves away from zero, through an int. */
    private static double ctlRound(double x) {
        return (int) (x < 0 ? x - 0.5 : x + 0.5);
    }

    /** The limiting gamut's cusp at a hue: bisection along the cube edge between the two corners around it. */
    private void displayCuspForHue(double hue, double[][] rgbCorners, double[][] jmhCorners, double[] out) {
        int upperCorner = 1;
        for (int i = 1; i < TOTAL_CORNERS; i++) {
            if (jmhCorners[i][2] > hue) {
                upperCorner = i;
                break;
            }
        }
        int lowerCorner = upperCorner - 1;
        if (jmhCorners[lowerCorner][2] == hue) {
            out[0] = jmhCorners[lowerCorner][0];
            out[1] = jmhCorners[lowerCorner][1];
            return;
        }
        double[] lo = rgbCorners[lowerCorner];
        double[] up = rgbCorners[upperCorner];
        double lowerT = 0;
        double upperT = 1;
        double[] jmh = new double[3];
        while (upperT - lowerT > DISPLAY_CUSP_TOLERANCE) {
            double t = (lowerT + upperT) / 2;
            limit.rgbToJmh(lerp(lo[0], up[0], t), lerp(lo[1], up[1], t), lerp(lo[2], up[2], t), jmh);
            if (jmh[2] < jmhCorners[lowerCorner][2]) {
                upperT = t;
            } else if (jmh[2] >= jmhCorners[upperCorner][2]) {
                lowerT = t;
            } else if (jmh[2] > hue) {
                upperT = t;
            } else {
                lowerT = t;
            }
        }
        double t = (lowerT + upperT) / 2;
        limit.rgbToJmh(lerp(lo[0], up[0], t), lerp(lo[1], up[1], t), lerp(lo[2], up[2], t), jmh);
        out[0] = jmh[0];
        out[1] = jmh[1];
    }

    /** Per hue, the smallest upper-hull gamma whose approximate boundary lies outside the limiting gamut at 5 test points. */
    private double[] makeUpperHullGammaTable() {
        double[] table = new double[TOTAL_TABLE_SIZE];
        int n = TEST_POSITIONS.length;
        double[] testJ = new double[n];
        double[] jIntersectSource = new double[n];
        double[] slopes = new double[n];
        double[] jIntersectCusp = new double[n];
        for (int i = BASE_INDEX; i < BASE_INDEX + TABLE_SIZE; i++) {
            double hue = hues[i];
            double cJ = cuspJ[i];
            double cM = cuspM[i];
            double threshold = lerp(cJ, limitJMax, FOCUS_GAIN_BLEND);
            double focusJ = focusJ(cJ);
            for (int k = 0; k < n; k++) {
                testJ[k] = lerp(cJ, limitJMax, TEST_POSITIONS[k]);
                double slopeGain = focusGain(testJ[k], threshold);
                jIntersectSource[k] = solveJIntersect(testJ[k], cM, focusJ, slopeGain);
                slopes[k] = compressionVectorSlope(jIntersectSource[k], focusJ, slopeGain);
                jIntersectCusp[k] = solveJIntersect(cJ, cM, focusJ, slopeGain);
            }
            double low = GAMMA_MINIMUM;
            double high = low + GAMMA_SEARCH_STEP;
            boolean outside = false;
            while (!outside && high < GAMMA_MAXIMUM) {
                if (gammaFits(hue, cJ, cM, jIntersectSource, slopes, jIntersectCusp, 1 / high)) {
                    outside = true;
                } else {
                    low = high;
                    high += GAMMA_SEARCH_STEP;
                }
            }
            while (high - low > GAMMA_ACCURACY) {
                double test = (high + low) / 2;
                if (gammaFits(hue, cJ, cM, jIntersectSource, slopes, jIntersectCusp, 1 / test)) {
                    high = test;
                } else {
                    low = test;
                }
            }
            table[i] = 1 / high;
        }
        table[0] = table[TABLE_SIZE];
        table[TABLE_SIZE + BASE_INDEX] = table[BASE_INDEX];
        return table;
    }

    private boolean gammaFits(double hue, double cJ, double cM, double[] jIntersectSource, double[] slopes, double[] jIntersectCusp,
            double topGammaInv) {
        double luminanceLimit = peakLuminance / JmhSpace.REFERENCE_LUMINANCE;
        double[] rgb = new double[3];
        for (int k = 0; k < jIntersectSource.length; k++) {
            double m = gamutBoundaryIntersection(cJ, cM, topGammaInv, jIntersectSource[k], slopes[k], jIntersectCusp[k]);
            double j = jIntersectSource[k] + slopes[k] * m;
            limit.jmhToRgb(j, m, hue, rgb);
            if (!(rgb[0] > luminanceLimit || rgb[1] > luminanceLimit || rgb[2] > luminanceLimit)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------- tone scale

    /** The ACES 2.0 tone scale (Lib.Academy.Tonescale): Michaelis-Menten with a flare toe, grey and peak anchored. */
    static final class Tonescale {
        final double n;
        final double cT;
        final double forwardLimit;
        final double logPeak;
        private final double g = 1.15;
        private final double t1 = 0.04;
        private final double s2;
        private final double u2;
        private final double m2;
        private final double nR = 100;

        Tonescale(double peakLuminance) {
            this.n = peakLuminance;
            double c = 0.18;
            double cD = 10.013;
            double wG = 0.14;
            double rHitMin = 128;
            double rHitMax = 896;
            double rHit = rHitMin + (rHitMax - rHitMin) * (Math.log(n / nR) / Math.log(10000.0 / 100.0));
            double m0 = n / nR;
            double m1 = 0.5 * (m0 + Math.sqrt(m0 * (m0 + 4 * t1)));
            double u = Math.pow((rHit / m1) / ((rHit / m1) + 1), g);
            double m = m1 / u;
            double wI = Math.log(n / 100) / Math.log(2);
            this.cT = cD / nR * (1 + wI * wG);
            double gIp = 0.5 * (cT + Math.sqrt(cT * (cT + 4 * t1)));
            double gIpp2 = -(m1 * Math.pow(gIp / m, 1 / g)) / (Math.pow(gIp / m, 1 / g) - 1);
            double w2 = c / gIpp2;
            this.s2 = w2 * m1;
            this.u2 = Math.pow((rHit / m1) / ((rHit / m1) + w2), g);
            this.m2 = m1 / u2;
            this.forwardLimit = 8 * rHit;
            this.logPeak = Math.log10(n / nR);
        }

        /** Scene-linear (ACES, 0.18 grey) → display luminance in cd/m². */
        double forward(double x) {
            double f = m2 * Math.pow(Math.max(0, x) / (x + s2), g);
            double h = Math.max(0, f * f / (f + t1));
            return h * nR;
        }

        /** Display luminance relative to 100 cd/m² → scene-linear. */
        double inverse(double y) {
            double z = Math.max(0, Math.min(n / (u2 * nR), y));
            double h = (z + Math.sqrt(z * (4 * t1 + z))) / 2;
            return s2 / (Math.pow(m2 / h, 1 / g) - 1);
        }
    }
}
