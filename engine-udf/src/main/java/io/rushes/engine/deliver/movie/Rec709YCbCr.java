package io.rushes.engine.deliver.movie;

import io.rushes.engine.error.Errors;
import io.rushes.engine.image.RgbImage;
import java.util.Locale;

/**
 * Display R'G'B' code values (0..1) to 10-bit Y'CbCr with the BT.709 matrix in limited ("video", "tv") range, as
 * ProRes and DNxHR carry it: Y' 64..940, Cb/Cr 64..960 around 512 (ITU-R BT.709-6, table 4). Done here rather than
 * by swscale so the float frame is quantised once, with the matrix and range written out, not taken from flags.
 * For 4:2:2 the chroma is co-sited with the even luma samples (as BT.709 and ProRes site it), filtered [1 2 1]/4.
 */
final class Rec709YCbCr {
    private static final double KR = 0.2126;
    private static final double KB = 0.0722;
    private static final double KG = 1 - KR - KB;
    private static final float Y_SCALE = 876;
    private static final float Y_OFFSET = 64;
    private static final float C_SCALE = 896;
    private static final float C_OFFSET = 512;
    private static final float CB_PER_B_MINUS_Y = (float) (1 / (2 * (1 - KB)));
    private static final float CR_PER_R_MINUS_Y = (float) (1 / (2 * (1 - KR)));

    private Rec709YCbCr() {
    }

    /**
     * Converts row {@code y} into {@code luma} (width samples) and {@code cb}/{@code cr} (width, or width/2 for 4:2:2),
     * using {@code cbFull}/{@code crFull} (width floats) as scratch. Values outside 0..1 are clamped; NaN and
     * infinities are refused.
     */
    static void row(RgbImage image, int y, boolean chroma422, short[] luma, short[] cb, short[] cr, float[] cbFull, float[] crFull) {
        int width = image.width();
        float[] d = image.data();
        int base = y * width * 3;
        for (int x = 0; x < width; x++) {
            int i = base + x * 3;
            float r = unit(d[i], image, i);
            float g = unit(d[i + 1], image, i + 1);
            float b = unit(d[i + 2], image, i + 2);
            float yy = (float) (KR * r + KG * g + KB * b);
            luma[x] = (short) (yy * Y_SCALE + Y_OFFSET + 0.5f);
            cbFull[x] = (b - yy) * CB_PER_B_MINUS_Y;
            crFull[x] = (r - yy) * CR_PER_R_MINUS_Y;
        }
        if (!chroma422) {
            for (int x = 0; x < width; x++) {
                cb[x] = chromaCode(cbFull[x]);
                cr[x] = chromaCode(crFull[x]);
            }
            return;
        }
        for (int x = 0, o = 0; x < width; x += 2, o++) {
            int left = Math.max(0, x - 1);
            int right = Math.min(width - 1, x + 1);
            cb[o] = chromaCode((cbFull[left] + 2 * cbFull[x] + cbFull[right]) * 0.25f);
            cr[o] = chromaCode((crFull[left] + 2 * crFull[x] + crFull[right]) * 0.25f);
        }
    }

    private static short chromaCode(float c) {
        return (short) Math.round(c * C_SCALE + C_OFFSET);
    }

    private static float unit(float v, RgbImage image, int index) {
        if (v >= 0 && v <= 1) {
            return v;
        }
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            int pixel = index / 3;
            throw Errors.invalidArgument(String.format(Locale.ROOT, "a movie frame has %s in channel %d of pixel (%d, %d)", v, index % 3,
                    pixel % image.width(), pixel / image.width()), "Find the stage that made it (a division by zero, a log of a negative) and fix it there");
        }
        return v < 0 ? 0 : 1;
    }
}
