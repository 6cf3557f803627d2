package io.rushes.engine.image;

import io.rushes.engine.error.Errors;

/**
 * Separable Lanczos-3 resampling of linear-light RGB under an axis-aligned affine map, for framing (crop, de-squeeze,
 * scale, pad). Pixel i covers [i, i + 1) and is sampled at its centre i + 0.5 on both sides of the map, so sub-pixel
 * anchors place content exactly and an identity map returns the input unchanged (no half-pixel shift). Downscaling
 * widens the kernel by the inverse scale (the filter follows the output's sampling rate: no aliasing); weights are
 * normalised per output sample, and taps beyond the source edge take the edge pixel.
 */
public final class Lanczos {
    private static final int LOBES = 3;
    /** Filter weights held for one axis (128 MiB): a 32768-wide output downscaled 80:1 fits. */
    private static final long MAX_TAP_WEIGHTS = 1L << 24;

    /** One axis of the map: output coordinate u' = (u − origin)·scale + translation, u in the source image's pixels. */
    public record Axis(double scale, double origin, double translation) {
        double toSource(double outCoordinate) {
            return (outCoordinate - translation) / scale + origin;
        }
    }

    private Lanczos() {
    }

    /**
     * The output image {@code width × height}: pixels whose centre falls inside the active rectangle (x0, y0, x1, y1
     * in output pixels) are resampled from {@code source}, the rest are padding (0).
     */
    public static RgbImage resample(RgbImage source, Axis ax, Axis ay, int width, int height, double x0, double y0, double x1, double y1) {
        ImageLimits.check("the resampled image", width, height, "Resample to a smaller size");
        int colStart = (int) Math.max(0, Math.ceil(x0 - 0.5));
        int colEnd = (int) Math.min(width, Math.ceil(x1 - 0.5)); // exclusive: centres below x1
        int rowStart = (int) Math.max(0, Math.ceil(y0 - 0.5));
        int rowEnd = (int) Math.min(height, Math.ceil(y1 - 0.5));
        float[] out = new float[width * height * 3];
        if (colStart >= colEnd || rowStart >= rowEnd) {
            return new RgbImage(width, height, out);
        }
        Taps cols = taps(ax, colStart, colEnd, source.width());
        Taps rows = taps(ay, rowStart, rowEnd, source.height());
        // Horizontal pass over the source rows the vertical taps reach, then the vertical pass.
        int firstRow = rows.minIndex;
        int lastRow = rows.maxIndex;
        int outCols = colEnd - colStart;
        float[] horizontal = new float[(lastRow - firstRow + 1) * outCols * 3];
        float[] src = source.data();
        for (int r = firstRow; r <= lastRow; r++) {
            int base = r * source.width() * 3;
            int o = (r - firstRow) * outCols * 3;
            for (int j = 0; j < outCols; j++, o += 3) {
                double red = 0;
                double green = 0;
                double blue = 0;
                int start = cols.start[j];
                for (int t = 0, k = cols.offset[j]; t < cols.count[j]; t++, k++) {
                    int i = base + clamp(start + t, source.width()) * 3;
                    double wgt = cols.weight[k];
                    red += wgt * src[i];
                    green += wgt * src[i + 1];
                    blue += wgt * src[i + 2];
                }
                horizontal[o] = (float) red;
                horizontal[o + 1] = (float) green;
                horizontal[o + 2] = (float) blue;
            }
        }
        for (int y = rowStart; y < rowEnd; y++) {
            int j = y - rowStart;
            int o = (y * width + colStart) * 3;
            for (int x = 0; x < outCols; x++, o += 3) {
                double red = 0;
                double green = 0;
                double blue = 0;
                int start = rows.start[j];
                for (int t = 0, k = rows.offset[j]; t < rows.count[j]; t++, k++) {
                    int i = ((clamp(start + t, source.height()) - firstRow) * outCols + x) * 3;
                    double wgt = rows.weight[k];
                    red += wgt * horizontal[i];
                    green += wgt * horizontal[i + 1];
                    blue += wgt * horizontal[i + 2];
                }
                out[o] = (float) red;
                out[o + 1] = (float) green;
                out[o + 2] = (float) blue;
            }
        }
        return new RgbImage(width, height, out);
    }

    /** The source rows (or columns) the output range [from, to) reads, clamped to the source: {first, last}. */
    public static int[] reach(Axis axis, int from, int to, int sourceSize) {
        Taps t = taps(axis, from, to, sourceSize);
        return new int[] {t.minIndex, t.maxIndex};
    }

    private static int clamp(int i, int size) {
        return i < 0 ? 0 : i >= size ? size - 1 : i;
    }

    /** Per output sample: the first source index, the number of taps, and their normalised weights. */
    private record Taps(int[] start, int[] count, int[] offset, double[] weight, int minIndex, int maxIndex) {
    }

    private static Taps taps(Axis axis, int from, int to, int sourceSize) {
        int n = to - from;
        double stretch = Math.max(1, 1 / axis.scale()); // widen the kernel when downscaling
        double support = LOBES * stretch;
        long cells = (long) n * ((long) Math.ceil(2 * support) + 1);
        if (!(cells <= MAX_TAP_WEIGHTS)) {
            throw Errors.outputTooLarge(null, "the Lanczos filter for a " + n + "-sample axis scaled by " + axis.scale() + " in weights", cells,
                    MAX_TAP_WEIGHTS, "The scale is extreme (a canvas far larger than the image?): check that the FDL belongs to this media");
        }
        int maxTaps = (int) Math.ceil(2 * support) + 1;
        int[] start = new int[n];
        int[] count = new int[n];
        int[] offset = new int[n];
        double[] weight = new double[n * maxTaps];
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        int k = 0;
        for (int j = 0; j < n; j++) {
            double centre = axis.toSource(from + j + 0.5) - 0.5; // in source pixel indices
            int first = (int) Math.ceil(centre - support);
            int last = (int) Math.floor(centre + support);
            double sum = 0;
            start[j] = first;
            offset[j] = k;
            int c = 0;
            for (int i = first; i <= last && c < maxTaps; i++, c++) {
                double w = kernel((i - centre) / stretch);
                weight[k + c] = w;
                sum += w;
            }
            for (int t = 0; t < c; t++) {
                weight[k + t] /= sum;
            }
            count[j] = c;
            k += c;
            min = Math.min(min, clamp(first, sourceSize));
            max = Math.max(max, clamp(first + c - 1, sourceSize));
        }
        return new Taps(start, count, offset, weight, min, max);
    }

    /** sinc(x)·sinc(x/3) on |x| < 3. */
    static double kernel(double x) {
        if (x == 0) {
            return 1;
        }
        if (Math.abs(x) >= LOBES) {
            return 0;
        }
        double px = Math.PI * x;
        return LOBES * Math.sin(px) * Math.sin(px / LOBES) / (px * px);
    }
}
