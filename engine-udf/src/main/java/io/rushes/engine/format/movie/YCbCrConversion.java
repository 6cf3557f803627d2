package io.rushes.engine.format.movie;

import io.rushes.engine.image.Region;
import io.rushes.engine.image.RgbImage;
import java.util.Locale;

/**
 * Decoded Y'CbCr (or RGB) codes to R'G'B' floats, 0 at black and 1 at nominal white, done here in Java rather than by
 * swscale: the 10-, 12- and 16-bit codes reach float without an intermediate integer format (swscale rounds to its
 * output's bits, and its accuracy depends on flags such as accurate_rnd), and the matrix, range and chroma siting are
 * ours, written out below and chosen from the stream's tags, not from swscale's defaults. Values outside the nominal
 * range (super-whites up to code 1019 of 10 bits, sub-blacks) are kept, not clipped: they are picture.
 * <ul>
 * <li>Limited ("tv", "mpeg") range, H.273 equations 20–28 at n bits: Y' = (D − 16·2^(n−8)) / (219·2^(n−8)), Pb, Pr =
 * (D − 128·2^(n−8)) / (224·2^(n−8)); R, G, B of an RGB format as Y'. Full ("pc", "jpeg"; FFmpeg's yuvj formats)
 * range: Y' = D / (2^n − 1), Pb, Pr = (D − 2^(n−1)) / (2^n − 1).</li>
 * <li>R' = Y' + 2(1 − Kr) Pr, B' = Y' + 2(1 − Kb) Pb, G' from Y' = Kr R' + Kg G' + Kb B' ({@link YCbCrMatrix}).</li>
 * <li>Subsampled chroma (4:2:2, 4:2:0, 4:1:1) is interpolated linearly between the two nearest chroma samples, each
 * placed where the stream's chroma location says (H.273 chroma_sample_loc_type; untagged: left, the MPEG-2, H.264
 * and HEVC default): horizontally co-sited with the even luma samples (left) or between them (center, as JPEG);
 * vertically on the top row of a pair (top), between the rows (left, center) or on the bottom row; at the frame's
 * edges the nearest sample is repeated. Interlaced 4:2:0 is upsampled as a progressive frame, as swscale does.</li>
 * </ul>
 *
 * @param matrix the Y'CbCr matrix (not used for RGB formats)
 * @param fullRange full rather than limited range
 * @param chromaLocation FFmpeg's AVChromaLocation (AVCHROMA_LOC_*): 0 unspecified, 1 left, 2 center, 3 topleft,
 *     4 top, 5 bottomleft, 6 bottom
 */
record YCbCrConversion(YCbCrMatrix matrix, boolean fullRange, int chromaLocation) {
    private static final int LOC_CENTER = 2;
    private static final int LOC_TOPLEFT = 3;
    private static final int LOC_TOP = 4;
    private static final int LOC_BOTTOMLEFT = 5;
    private static final int LOC_BOTTOM = 6;

    /** Where a chroma sample sits right of its luma pair's first sample, in luma samples (0 or half the spacing). */
    double horizontalSiting(int shift) {
        boolean centred = chromaLocation == LOC_CENTER || chromaLocation == LOC_TOP || chromaLocation == LOC_BOTTOM;
        return centred ? ((1 << shift) - 1) / 2.0 : 0;
    }

    /** Where a chroma sample sits below its rows' first, in luma rows. */
    double verticalSiting(int shift) {
        if (chromaLocation == LOC_TOPLEFT || chromaLocation == LOC_TOP) {
            return 0;
        }
        if (chromaLocation == LOC_BOTTOMLEFT || chromaLocation == LOC_BOTTOM) {
            return (1 << shift) - 1;
        }
        return ((1 << shift) - 1) / 2.0;
    }

    /** "BT.709 matrix, limited range, 4:2:0 chroma sited left" as the encoding's description says it. */
    String describe(PixelLayout layout) {
        String range = fullRange ? "full range" : "limited range";
        if (layout.rgb()) {
            return "RGB " + layout.depth() + "-bit, " + range;
        }
        String chroma = layout.chromaShiftX() == 0 && layout.chromaShiftY() == 0 ? "4:4:4"
                : String.format(Locale.ROOT, "chroma subsampled %dx%d, sited %s, interpolated linearly", 1 << layout.chromaShiftX(),
                        1 << layout.chromaShiftY(), locationName());
        return String.format(Locale.ROOT, "Y'CbCr %d-bit, %s matrix, %s, %s", layout.depth(), matrix.label(), range, layout.gray() ? "no chroma" : chroma);
    }

    private String locationName() {
        return switch (chromaLocation) {
            case 1 -> "left";
            case LOC_CENTER -> "center";
            case LOC_TOPLEFT -> "top left";
            case LOC_TOP -> "top";
            case LOC_BOTTOMLEFT -> "bottom left";
            case LOC_BOTTOM -> "bottom";
            default -> "left (untagged)";
        };
    }

    /** R'G'B' of {@code region} of the frame (null: all of it). */
    RgbImage toRgb(Planes planes, Region region) {
        int x0 = region == null ? 0 : region.x();
        int y0 = region == null ? 0 : region.y();
        int w = region == null ? planes.width() : region.width();
        int h = region == null ? planes.height() : region.height();
        PixelLayout layout = planes.layout();
        int bits = layout.depth();
        float unitScale = 1 << (bits - 8);
        float lumaOffset = fullRange ? 0 : 16 * unitScale;
        float lumaScale = fullRange ? 1f / ((1 << bits) - 1) : 1f / (219 * unitScale);
        float chromaOffset = fullRange ? 1 << (bits - 1) : 128 * unitScale;
        float chromaScale = fullRange ? 1f / ((1 << bits) - 1) : 1f / (224 * unitScale);
        float[] out = new float[w * h * 3];
        Planes.Scratch scratch = planes.scratch();
        int[][] codes = new int[3][w];
        if (layout.rgb() || layout.gray() || matrix == YCbCrMatrix.IDENTITY) {
            // R, G, B (or G, B, R for the identity matrix; one gray component) each scaled as luma.
            int[] order = layout.rgb() ? new int[] {0, 1, 2} : layout.gray() ? new int[] {0, 0, 0} : new int[] {2, 0, 1};
            for (int y = 0; y < h; y++) {
                for (int c = 0; c < layout.components().length; c++) {
                    planes.row(c, y0 + y, x0, w, codes[c], scratch);
                }
                for (int x = 0, o = y * w * 3; x < w; x++, o += 3) {
                    out[o] = (codes[order[0]][x] - lumaOffset) * lumaScale;
                    out[o + 1] = (codes[order[1]][x] - lumaOffset) * lumaScale;
                    out[o + 2] = (codes[order[2]][x] - lumaOffset) * lumaScale;
                }
            }
            return new RgbImage(w, h, out);
        }
        float[] m = {matrix.crToR(), matrix.cbToG(), matrix.crToG(), matrix.cbToB()};
        float[] yy = new float[w];
        float[] pb = new float[w];
        float[] pr = new float[w];
        if (layout.chromaShiftX() == 0 && layout.chromaShiftY() == 0) { // 4:4:4: one chroma sample a pixel
            for (int y = 0; y < h; y++) {
                for (int c = 0; c < 3; c++) {
                    planes.row(c, y0 + y, x0, w, codes[c], scratch);
                }
                scale(codes[0], yy, w, lumaOffset, lumaScale);
                scale(codes[1], pb, w, chromaOffset, chromaScale);
                scale(codes[2], pr, w, chromaOffset, chromaScale);
                matrixRow(yy, pb, pr, out, y * w * 3, w, m);
            }
            return new RgbImage(w, h, out);
        }
        Upsampler horizontal = Upsampler.of(x0, w, layout.chromaShiftX(), horizontalSiting(layout.chromaShiftX()), planes.samples(1));
        Upsampler vertical = Upsampler.of(y0, h, layout.chromaShiftY(), verticalSiting(layout.chromaShiftY()), planes.rows(layout.components()[1].plane()));
        int span = horizontal.last - horizontal.first + 1;
        ChromaRows cbRows = new ChromaRows(planes, 1, horizontal.first, span, scratch);
        ChromaRows crRows = new ChromaRows(planes, 2, horizontal.first, span, scratch);
        float[] cb = new float[span];
        float[] cr = new float[span];
        int[] luma = codes[0];
        for (int y = 0; y < h; y++) {
            planes.row(0, y0 + y, x0, w, luma, scratch);
            float down = vertical.weight[y];
            int[] cbTop = cbRows.row(vertical.near[y]);
            int[] crTop = crRows.row(vertical.near[y]);
            blend(cbTop, down != 0 ? cbRows.row(vertical.far[y]) : cbTop, down, cb, span, chromaOffset, chromaScale);
            blend(crTop, down != 0 ? crRows.row(vertical.far[y]) : crTop, down, cr, span, chromaOffset, chromaScale);
            subsampledRow(luma, cb, cr, horizontal, lumaOffset, lumaScale, out, y * w * 3, w, m);
        }
        return new RgbImage(w, h, out);
    }

    // The row loops are small methods of their own, so the JIT compiles each well.

    private static void scale(int[] codes, float[] into, int count, float offset, float scale) {
        for (int i = 0; i < count; i++) {
            into[i] = (codes[i] - offset) * scale;
        }
    }

    /** Pb or Pr of a row between two chroma rows, {@code down} of the way from {@code top} to {@code bottom}. */
    private static void blend(int[] top, int[] bottom, float down, float[] into, int count, float offset, float scale) {
        for (int j = 0; j < count; j++) {
            float code = top[j] + (bottom[j] - top[j]) * down;
            into[j] = (code - offset) * scale;
        }
    }

    /** R'G'B' of a row, interleaved into {@code out} from {@code o}: m = {Pr to R', Pb to G', Pr to G', Pb to B'}. */
    private static void matrixRow(float[] luma, float[] pb, float[] pr, float[] out, int o, int count, float[] m) {
        float crR = m[0];
        float cbG = m[1];
        float crG = m[2];
        float cbB = m[3];
        for (int x = 0; x < count; x++, o += 3) {
            float l = luma[x];
            float b = pb[x];
            float r = pr[x];
            out[o] = l + crR * r;
            out[o + 1] = l + cbG * b + crG * r;
            out[o + 2] = l + cbB * b;
        }
    }

    /**
     * R'G'B' of a row of subsampled chroma in one pass (the upsampling, the luma scale and the matrix fused: the same
     * float operations as {@link Upsampler#interpolate}, {@link #scale} and {@link #matrixRow} in turn, without their
     * three intermediate rows).
     */
    private static void subsampledRow(int[] luma, float[] cb, float[] cr, Upsampler horizontal, float lumaOffset, float lumaScale,
                                      float[] out, int o, int count, float[] m) {
        float crR = m[0];
        float cbG = m[1];
        float crG = m[2];
        float cbB = m[3];
        int[] near = horizontal.near();
        int[] far = horizontal.far();
        float[] weight = horizontal.weight();
        int first = horizontal.first();
        for (int x = 0; x < count; x++, o += 3) {
            int a = near[x] - first;
            int c = far[x] - first;
            float t = weight[x];
            float b0 = cb[a];
            float b = b0 + (cb[c] - b0) * t;
            float r0 = cr[a];
            float r = r0 + (cr[c] - r0) * t;
            float l = (luma[x] - lumaOffset) * lumaScale;
            out[o] = l + crR * r;
            out[o + 1] = l + cbG * b + crG * r;
            out[o + 2] = l + cbB * b;
        }
    }

    /** The last two chroma rows of one component used, by row number: successive 4:2:0 rows share them. */
    private static final class ChromaRows {
        private final Planes planes;
        private final int component;
        private final int first;
        private final int span;
        private final Planes.Scratch scratch;
        private final int[][] rows;
        private final int[] numbers = {-1, -1};
        private int recent;

        ChromaRows(Planes planes, int component, int first, int span, Planes.Scratch scratch) {
            this.planes = planes;
            this.component = component;
            this.first = first;
            this.span = span;
            this.scratch = scratch;
            this.rows = new int[2][span];
        }

        /** Chroma row {@code number}; the row returned before it stays valid (a miss replaces the other one). */
        int[] row(int number) {
            for (int k = 0; k < 2; k++) {
                if (numbers[k] == number) {
                    recent = k;
                    return rows[k];
                }
            }
            recent = 1 - recent;
            planes.row(component, number, first, span, rows[recent], scratch);
            numbers[recent] = number;
            return rows[recent];
        }
    }

    /**
     * For each output position, the two chroma samples around it and the weight of the second: chroma sample j sits at
     * {@code j·2^shift + siting} in luma units; positions before the first or past the last sample take that sample.
     */
    private record Upsampler(int[] near, int[] far, float[] weight, int first, int last) {

        /** The samples of {@code chroma} (from sample {@link #first} on) at each output position, into {@code into}. */
        void interpolate(float[] chroma, float[] into) {
            for (int i = 0; i < near.length; i++) {
                float a = chroma[near[i] - first];
                into[i] = a + (chroma[far[i] - first] - a) * weight[i];
            }
        }

        static Upsampler of(int start, int count, int shift, double siting, int samples) {
            int[] near = new int[count];
            int[] far = new int[count];
            float[] weight = new float[count];
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (int i = 0; i < count; i++) {
                double u = (start + i - siting) / (1 << shift);
                int j = (int) Math.floor(u);
                double t = u - j;
                int a = Math.max(0, Math.min(samples - 1, j));
                int b = Math.max(0, Math.min(samples - 1, j + 1));
                near[i] = a;
                far[i] = b;
                weight[i] = a == b ? 0 : (float) t;
                first = Math.min(first, a);
                last = Math.max(last, b);
            }
            return new Upsampler(near, far, weight, first, last);
        }
    }
}
