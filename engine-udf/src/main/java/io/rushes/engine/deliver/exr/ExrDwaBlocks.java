package io.rushes.engine.deliver.exr;

/**
 * The lossy half of DWAA/DWAB ({@link ExrDwa}): planes of half samples cut into 8x8 blocks, taken to a perceptual
 * (gamma 2.2 below 1, logarithmic above) encoding, turned from R'G'B' into Rec. 709 Y'CbCr when they come as a set of
 * three, transformed by an orthonormal 2D DCT, and each coefficient replaced by the half within a per-frequency
 * tolerance that has the fewest bits set (no division: the decoder needs no quantisation table). A block's DC
 * coefficient goes to a list of its own; its 63 AC coefficients, in zig-zag order, go out with runs of zeros coded as
 * {@code 0xFFnn} (a half NaN, which a coefficient never is) and the end of the block as {@code 0xFF00}.
 *
 * <p>Both transforms use OpenEXR's constants and order of operations (its SSE2 encoder's, its AVX decoder's), so on
 * x86-64 our coefficients are OpenEXR's and our decode rounds as OpenEXR's does (tested bit for bit against Debian's
 * OpenEXR 3.1).
 */
final class ExrDwaBlocks {
    /** The natural (row-major) index of each zig-zag position (JPEG's order). */
    private static final int[] ZIGZAG = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27,
            20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46,
            53, 60, 61, 54, 47, 55, 62, 63};
    /** JPEG's example luminance and chrominance quantisation tables (ITU T.81 Annex K), natural order. */
    private static final int[] JPEG_LUMA = {16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69,
            56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103,
            121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99};
    private static final int[] JPEG_CHROMA = new int[64];
    private static final int RUN = 0xFF00;

    /** Linear half to perceptual half, and back (both indexed and valued by half bits). */
    static final char[] TO_NONLINEAR = new char[65536];
    static final char[] TO_LINEAR = new char[65536];

    /** 1/√8 as OpenEXR writes it: a DC-only block is DC · this². */
    private static final float DC_SCALE = 0.3535536f;

    static {
        int[] rows = {17, 18, 24, 47, 18, 21, 26, 66, 24, 26, 56, 99, 47, 66, 99, 99};
        java.util.Arrays.fill(JPEG_CHROMA, 99);
        for (int i = 0; i < 16; i++) {
            JPEG_CHROMA[(i / 4) * 8 + i % 4] = rows[i];
        }
        // e^2.2 as the float OpenEXR derives it from e ≈ 2.7182818.
        float logBase = (float) Math.pow(2.7182818, 2.2);
        for (int h = 0; h < 65536; h++) {
            if ((h & 0x7FFF) == 0 || (h & 0x7C00) == 0x7C00) {
                continue; // zero stays zero; infinities and NaNs become zero
            }
            float f = Half.toFloat((short) h);
            float sign = f < 0 ? -1 : 1;
            float a = Math.abs(f);
            float linear = a <= 1 ? (float) Math.pow(a, 2.2f) : (float) Math.pow(logBase, a - 1);
            TO_LINEAR[h] = (char) Half.fromFloat(sign * linear);
            double nonlinear = a <= 1 ? (float) Math.pow(a, 1 / 2.2f) : (float) Math.log(a) / (float) Math.log(logBase) + 1.0;
            TO_NONLINEAR[h] = (char) Half.fromFloat((float) (sign * nonlinear));
        }
    }

    private ExrDwaBlocks() {
    }

    static int blocks(int size) {
        return (size + 7) / 8;
    }

    /** The tolerance of each coefficient (natural order): the level / 100000 times a JPEG table over its smallest entry. */
    static float[] tolerances(float level, boolean luma) {
        float base = Math.max(0, level / 100000f);
        int[] table = luma ? JPEG_LUMA : JPEG_CHROMA;
        float min = luma ? 10 : 17;
        float[] out = new float[64];
        for (int i = 0; i < 64; i++) {
            out[i] = base * (table[i] / min); // OpenEXR 3.1's rounding: the table over its minimum first
        }
        return out;
    }

    /**
     * Encodes {@code planes} (1 plane, or R', G', B' as a set of 3) of {@code width}x{@code height} half samples: the DC of
     * plane {@code p}'s block {@code b} goes to {@code dc[dcAt + p·blocks + b]}, the coded AC of every block and plane
     * (block by block, planes within a block) to {@code ac} from {@code acAt}. Returns the new end of {@code ac}.
     */
    static int encode(char[][] planes, boolean nonlinear, int width, int height, float level, char[] ac, int acAt, char[] dc, int dcAt) {
        int comps = planes.length;
        int blocksX = blocks(width);
        int blocksY = blocks(height);
        float[] luma = tolerances(level, true);
        float[] chroma = tolerances(level, false);
        float[] lumaZero = surelyZero(luma);
        float[] chromaZero = surelyZero(chroma);
        float[][] block = new float[comps][64];
        char[] zig = new char[64];
        int a = acAt;
        for (int by = 0; by < blocksY; by++) {
            for (int bx = 0; bx < blocksX; bx++) {
                for (int c = 0; c < comps; c++) {
                    char[] plane = planes[c];
                    float[] b = block[c];
                    for (int y = 0; y < 8; y++) {
                        int row = mirror(by * 8 + y, height) * width;
                        for (int x = 0; x < 8; x++) {
                            char h = plane[row + mirror(bx * 8 + x, width)];
                            b[y * 8 + x] = Half.toFloat((short) (nonlinear ? TO_NONLINEAR[h] : h));
                        }
                    }
                }
                if (comps == 3) {
                    toYCbCr(block[0], block[1], block[2]);
                }
                for (int c = 0; c < comps; c++) {
                    float[] b = block[c];
                    forwardDct(b);
                    float[] tolerance = c == 0 ? luma : chroma;
                    float[] zero = c == 0 ? lumaZero : chromaZero;
                    for (int z = 0; z < 64; z++) {
                        int i = ZIGZAG[z];
                        zig[z] = Math.abs(b[i]) < zero[i] ? 0 : quantize((char) Half.fromFloat(b[i]), tolerance[i]);
                    }
                    dc[dcAt + c * blocksX * blocksY + by * blocksX + bx] = zig[0];
                    a = runLengthAc(zig, ac, a);
                }
            }
        }
        return a;
    }

    /**
     * Below these, a coefficient's half is surely within tolerance of zero, so it quantises to 0 without the search:
     * the tolerance less the most that rounding to half can add (2^-11 relative, 2^-25 absolute among denormals).
     */
    private static float[] surelyZero(float[] tolerance) {
        float[] out = new float[64];
        for (int i = 0; i < 64; i++) {
            out[i] = tolerance[i] * (1 - 0x1p-10f) - 0x1p-24f;
        }
        return out;
    }

    /** A coordinate past the edge reflected back inside (the edge sample repeated), as OpenEXR pads partial blocks. */
    private static int mirror(int v, int size) {
        if (v < size) {
            return v;
        }
        int m = 2 * size - 1 - v;
        return m < 0 ? size - 1 : m;
    }

    private static int runLengthAc(char[] zig, char[] ac, int a) {
        int z = 1;
        while (z < 64) {
            if (zig[z] != 0) {
                ac[a++] = zig[z++];
                continue;
            }
            int end = z + 1;
            while (end < 64 && zig[end] == 0) {
                end++;
            }
            int run = end - z;
            ac[a++] = (char) (run == 1 ? 0 : end == 64 ? RUN : RUN | run);
            z = end;
        }
        return a;
    }

    /**
     * The half with the fewest bits set within {@code tolerance} of {@code src} (strictly), the nearest of those
     * (ties: the smaller magnitude); {@code src} itself when none has fewer bits than it.
     */
    static char quantize(char src, float tolerance) {
        int sign = src & 0x8000;
        int magnitude = src & 0x7FFF;
        if (magnitude >= 0x7C00 || !(tolerance > 0)) {
            return src;
        }
        float value = magnitudeValue(magnitude);
        if (value < tolerance) {
            return 0;
        }
        // The magnitudes within tolerance form one range [lo, hi] of bit patterns (halves grow with their bits). The
        // half at or below value ∓ tolerance is one step from each end; a rounded sum may put the end on either side.
        int below = floorMagnitude(value - tolerance);
        int lo = within(below, value, tolerance) ? below : below + 1;
        int above = Math.min(0x7BFF, floorMagnitude(value + tolerance));
        int hi = above < 0x7BFF && within(above + 1, value, tolerance) ? above + 1 : within(above, value, tolerance) ? above : above - 1;
        if (lo == hi) {
            return src;
        }
        // Every value in the range shares the bits above the highest bit where lo and hi differ: the fewest bits is that
        // prefix alone (when lo is it) or the prefix plus one lower bit q, prefix | 2^q >= lo. Of those, the two on either
        // side of the source are the nearest candidates.
        int top = 31 - Integer.numberOfLeadingZeros(lo ^ hi);
        int low = (2 << top) - 1;
        int prefix = hi & ~low;
        int best;
        if ((lo & low) == 0) {
            best = lo;
        } else {
            int rest = magnitude & low;
            int up = 32 - Integer.numberOfLeadingZeros(rest - 1); // the smallest 2^up >= rest
            if (up > top) {
                best = prefix | (1 << top); // the source lies above every candidate
            } else {
                best = prefix | (1 << up);
            }
            if (up <= top && up > 0 && (1 << (up - 1)) >= (lo & low)) {
                int down = prefix | (1 << (up - 1));
                if (Math.abs(magnitudeValue(down) - value) <= Math.abs(magnitudeValue(best) - value)) {
                    best = down;
                }
            }
        }
        return Integer.bitCount(best) < Integer.bitCount(magnitude) ? (char) (sign | best) : src;
    }

    private static boolean within(int magnitude, float value, float tolerance) {
        return Math.abs(magnitudeValue(magnitude) - value) < tolerance;
    }

    /** The largest half magnitude whose value is at most {@code x} (x at least 0; past the largest half, beyond 0x7BFF). */
    private static int floorMagnitude(float x) {
        return x >= 0x1p-14f ? (Float.floatToRawIntBits(x) - 0x38000000) >>> 13 : (int) (x * 0x1p24f);
    }

    /** The value of a finite half magnitude, computed rather than looked up (the search touches scattered values). */
    private static float magnitudeValue(int magnitude) {
        return magnitude >= 0x400 ? Float.intBitsToFloat((magnitude + 0x1C000) << 13) : magnitude * 0x1p-24f;
    }

    /**
     * Decodes one set of {@code out.length} planes: DCs from {@code dc[dcAt…]} as {@link #encode} laid them out, AC from
     * {@code ac[acAt…acEnd)}. Returns the end of the AC read, or -1 when the AC runs out before the last block.
     */
    static int decode(char[] ac, int acAt, int acEnd, char[] dc, int dcAt, boolean nonlinear, int width, int height, char[][] out) {
        int comps = out.length;
        int blocksX = blocks(width);
        int blocksY = blocks(height);
        float[][] block = new float[comps][64];
        char[] zig = new char[64];
        int a = acAt;
        for (int by = 0; by < blocksY; by++) {
            for (int bx = 0; bx < blocksX; bx++) {
                boolean constant = true;
                for (int c = 0; c < comps; c++) {
                    java.util.Arrays.fill(zig, (char) 0);
                    zig[0] = dc[dcAt + c * blocksX * blocksY + by * blocksX + bx];
                    int z = 1;
                    int last = 0;
                    while (z < 64) {
                        if (a >= acEnd) {
                            return -1;
                        }
                        char v = ac[a++];
                        if ((v & 0xFF00) == RUN) {
                            int run = v & 0xFF;
                            z += run == 0 ? 64 : run;
                        } else {
                            last = z;
                            zig[z++] = v;
                        }
                    }
                    float[] b = block[c];
                    if (last == 0) {
                        java.util.Arrays.fill(b, Half.toFloat((short) zig[0]) * DC_SCALE * DC_SCALE);
                    } else {
                        constant = false;
                        for (int i = 0; i < 64; i++) {
                            b[ZIGZAG[i]] = Half.toFloat((short) zig[i]);
                        }
                        inverseDct(b);
                    }
                }
                if (comps == 3) {
                    toRgb(block[0], block[1], block[2], constant ? 1 : 64);
                }
                int rows = Math.min(8, height - by * 8);
                int cols = Math.min(8, width - bx * 8);
                for (int c = 0; c < comps; c++) {
                    float[] b = block[c];
                    char[] plane = out[c];
                    for (int y = 0; y < rows; y++) {
                        int o = (by * 8 + y) * width + bx * 8;
                        for (int x = 0; x < cols; x++) {
                            char h = (char) Half.fromFloat(constant ? b[0] : b[y * 8 + x]);
                            plane[o + x] = nonlinear ? TO_LINEAR[h] : h;
                        }
                    }
                }
            }
        }
        return a;
    }

    private static void toYCbCr(float[] r, float[] g, float[] b) {
        for (int i = 0; i < 64; i++) {
            float red = r[i];
            float green = g[i];
            float blue = b[i];
            r[i] = 0.2126f * red + 0.7152f * green + 0.0722f * blue;
            g[i] = -0.1146f * red - 0.3854f * green + 0.5000f * blue;
            b[i] = 0.5000f * red - 0.4542f * green - 0.0458f * blue;
        }
    }

    private static void toRgb(float[] y, float[] cb, float[] cr, int count) {
        for (int i = 0; i < count; i++) {
            float luma = y[i];
            float blue = cb[i];
            float red = cr[i];
            y[i] = luma + 1.5747f * red;
            cb[i] = luma - 0.1873f * blue - 0.4682f * red;
            cr[i] = luma + 1.8556f * blue;
        }
    }

    /**
     * Orthonormal 8x8 DCT-II in place: columns, then rows, each 8-point transform by Pennebaker and Mitchell's
     * factorisation with the constants and order of operations of OpenEXR's SSE2 encoder, so that our coefficients (and
     * files) are OpenEXR's.
     */
    static void forwardDct(float[] d) {
        for (int column = 0; column < 8; column++) {
            forward8(d, column, 8);
        }
        for (int row = 0; row < 64; row += 8) {
            forward8(d, row, 1);
        }
    }

    // The forward transform's constants as OpenEXR's encoder writes them: cos(π/4), and cos(k·π/16) / 2.
    private static final float FC4 = .70710678f;
    private static final float FC1 = .490392640f;
    private static final float FC2 = .461939770f;
    private static final float FC3 = .415734810f;
    private static final float FC5 = .277785120f;
    private static final float FC6 = .191341720f;
    private static final float FC7 = .097545161f;

    private static void forward8(float[] d, int at, int step) {
        float x0 = d[at];
        float x1 = d[at + step];
        float x2 = d[at + 2 * step];
        float x3 = d[at + 3 * step];
        float x4 = d[at + 4 * step];
        float x5 = d[at + 5 * step];
        float x6 = d[at + 6 * step];
        float x7 = d[at + 7 * step];
        float s07 = x0 + x7;
        float s12 = x1 + x2;
        float s34 = x3 + x4;
        float s56 = x5 + x6;
        float d07 = x0 - x7;
        float d12 = x1 - x2;
        float d34 = x3 - x4;
        float d56 = x5 - x6;
        float k0 = FC4 * (s07 + s34);
        float k1 = FC4 * (s12 + s56);
        d[at] = (k0 + k1) * .5f;
        d[at + 4 * step] = (k0 - k1) * .5f;
        float x = d12 - d56;
        float y = s07 - s34;
        d[at + 2 * step] = FC6 * x + FC2 * y;
        d[at + 6 * step] = FC6 * y - FC2 * x;
        float m0 = (s12 - s56) * FC4;
        float m1 = (d12 + d56) * -FC4;
        x = d07 - m0;
        y = d34 + m1;
        d[at + 3 * step] = FC3 * x - FC5 * y;
        d[at + 5 * step] = FC5 * x + FC3 * y;
        x = d07 + m0;
        y = m1 - d34;
        d[at + step] = FC1 * x - FC7 * y;
        d[at + 7 * step] = FC7 * x + FC1 * y;
    }

    /**
     * The inverse of {@link #forwardDct}, rows then columns, with the constants and the summation order of OpenEXR's
     * AVX decoder (what OpenEXR 2.2 to 3.1 run on x86-64 CPUs with AVX), so that a block rounds here as it does there. Rows of
     * zeros stay zeros and are skipped.
     */
    static void inverseDct(float[] d) {
        for (int row = 0; row < 64; row += 8) {
            boolean zero = true;
            for (int i = row; i < row + 8 && zero; i++) {
                zero = d[i] == 0;
            }
            if (!zero) {
                inverseRow(d, row);
            }
        }
        for (int column = 0; column < 8; column++) {
            inverseColumn(d, column);
        }
    }

    // OpenEXR's inverse transform constants as its decoder writes them: cos(k·π/16) / 2, and 1/√8.
    private static final float IA = 3.535536e-01f;
    private static final float IB = 4.903927e-01f;
    private static final float IC = 4.619398e-01f;
    private static final float ID = 4.157349e-01f;
    private static final float IE = 2.777855e-01f;
    private static final float IF = 1.913422e-01f;
    private static final float IG = 9.754573e-02f;

    /** One row as a matrix-vector product: each output the sum of two pairs of products. */
    private static void inverseRow(float[] d, int at) {
        float y0 = d[at];
        float y1 = d[at + 1];
        float y2 = d[at + 2];
        float y3 = d[at + 3];
        float y4 = d[at + 4];
        float y5 = d[at + 5];
        float y6 = d[at + 6];
        float y7 = d[at + 7];
        float e0 = (IA * y0 + IC * y2) + (IA * y4 + IF * y6);
        float e1 = (IA * y0 + IF * y2) - (IA * y4 + IC * y6);
        float e2 = (IA * y0 - IF * y2) + (IC * y6 - IA * y4);
        float e3 = (IA * y0 - IC * y2) + (IA * y4 - IF * y6);
        float o0 = (IB * y1 + ID * y3) + (IE * y5 + IG * y7);
        float o1 = (ID * y1 - IG * y3) - (IB * y5 + IE * y7);
        float o2 = (IE * y1 - IB * y3) + (IG * y5 + ID * y7);
        float o3 = (IG * y1 - IE * y3) + (ID * y5 - IB * y7);
        d[at] = e0 + o0;
        d[at + 1] = e1 + o1;
        d[at + 2] = e2 + o2;
        d[at + 3] = e3 + o3;
        d[at + 4] = e3 - o3;
        d[at + 5] = e2 - o2;
        d[at + 6] = e1 - o1;
        d[at + 7] = e0 - o0;
    }

    /** One column: the even half through its shared sums and differences, the odd half in OpenEXR's order. */
    private static void inverseColumn(float[] d, int at) {
        float r0 = d[at];
        float r1 = d[at + 8];
        float r2 = d[at + 16];
        float r3 = d[at + 24];
        float r4 = d[at + 32];
        float r5 = d[at + 40];
        float r6 = d[at + 48];
        float r7 = d[at + 56];
        float o0 = (IB * r1 + ID * r3) + (IE * r5 + IG * r7);
        float o1 = (ID * r1 - (IG * r3 + IB * r5)) - IE * r7;
        float o2 = ((IE * r1 - IB * r3) + IG * r5) + ID * r7;
        float o3 = (IG * r1 + ID * r5) - (IE * r3 + IB * r7);
        float sum04 = IA * r0 + IA * r4;
        float diff04 = IA * r0 - IA * r4;
        float even26 = IC * r2 + IF * r6;
        float odd26 = IF * r2 - IC * r6;
        float e0 = sum04 + even26;
        float e1 = diff04 + odd26;
        float e2 = diff04 - odd26;
        float e3 = sum04 - even26;
        d[at] = e0 + o0;
        d[at + 8] = e1 + o1;
        d[at + 16] = e2 + o2;
        d[at + 24] = e3 + o3;
        d[at + 32] = e3 - o3;
        d[at + 40] = e2 - o2;
        d[at + 48] = e1 - o1;
        d[at + 56] = e0 - o0;
    }
}
