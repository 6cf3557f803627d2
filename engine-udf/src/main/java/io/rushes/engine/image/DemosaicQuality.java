package io.rushes.engine.image;

/**
 * Ground truth for demosaicking from real sensor data: bin a Bayer raw 2×2 (red, mean of the two greens,
 * blue) into a half-resolution RGB image that no interpolation made, mosaic it again as RGGB, and score a
 * demosaicked result against it by colour PSNR (linear, peak 1, over all three channels, border excluded).
 * The truth is quantised to 16 bits so that a 16-bit DNG of its mosaic gives other developers (dcraw) exactly
 * the values Rushes demosaics; shifting it by one pixel puts every colour of the content on every CFA phase.
 */
public final class DemosaicQuality {
    private DemosaicQuality() {
    }

    /** Half-resolution truth from a raw image, normalised to its black and white levels. */
    public static RgbImage truth(RawImage raw) {
        int w = raw.width() / 2;
        int h = raw.height() / 2;
        float[] out = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float[] sum = new float[3];
                int[] n = new int[3];
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int sx = 2 * x + dx;
                        int sy = 2 * y + dy;
                        double black = raw.black(sx, sy);
                        int c = raw.colour(sx, sy);
                        sum[c] += (float) ((raw.get(sx, sy) - black) / (raw.whiteLevel() - black));
                        n[c]++;
                    }
                }
                for (int c = 0; c < 3; c++) {
                    out[(y * w + x) * 3 + c] = n[c] == 0 ? 0 : sum[c] / n[c];
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    /** The frames scored: the truth as binned, and shifted by one pixel in x, in y and in both (each even-sized). */
    public static final int[][] SHIFTS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

    /** Ground truth clipped to [0, 1] and rounded to 16-bit steps, cropped from (dx, dy) to even dimensions. */
    public static RgbImage frame(RgbImage truth, int dx, int dy) {
        int w = (truth.width() - dx) & ~1;
        int h = (truth.height() - dy) & ~1;
        float[] out = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    out[(y * w + x) * 3 + c] = quantise(truth.get(x + dx, y + dy, c));
                }
            }
        }
        return new RgbImage(w, h, out);
    }

    /** The 16-bit code of a value in [0, 1] (clipped), as a DNG with white level 65535 stores it. */
    public static int code16(float v) {
        return (int) Math.round(Math.min(1.0, Math.max(0.0, v)) * 65535);
    }

    private static float quantise(float v) {
        return code16(v) / 65535f;
    }

    /** The RGGB mosaic of an RGB image. */
    public static float[] mosaic(RgbImage rgb) {
        float[] m = new float[rgb.width() * rgb.height()];
        for (int y = 0; y < rgb.height(); y++) {
            for (int x = 0; x < rgb.width(); x++) {
                int c = (y & 1) == 0 ? ((x & 1) == 0 ? 0 : 1) : ((x & 1) == 0 ? 1 : 2);
                m[y * rgb.width() + x] = rgb.get(x, y, c);
            }
        }
        return m;
    }

    public static final byte[] RGGB = {0, 1, 1, 2};

    /** Colour PSNR in dB (peak 1) of {@code test} against {@code truth}, ignoring {@code border} pixels at each edge. */
    public static double psnr(RgbImage truth, RgbImage test, int border) {
        double se = 0;
        long n = 0;
        for (int y = border; y < truth.height() - border; y++) {
            for (int x = border; x < truth.width() - border; x++) {
                for (int c = 0; c < 3; c++) {
                    double d = truth.get(x, y, c) - test.get(x, y, c);
                    se += d * d;
                    n++;
                }
            }
        }
        return 10 * Math.log10(1 / (se / n));
    }
}
