package io.rushes.engine.deliver.movie;

import io.rushes.engine.error.Errors;
import io.rushes.engine.image.RgbImage;
import java.util.Locale;

/**
 * Display R'G'B' code values (0..1) to Y'CbCr with the BT.709 matrix in limited ("video", "tv") range, as ProRes,
 * DNxHR and H.264 review files carry it: at 8 bits Y' 16..235, Cb/Cr 16..240 around 128, scaled by 2^(bits-8) (ITU-R
 * BT.709-6, table 4). Done here rather than by swscale so the float frame is quantised once, with the matrix and
 * range written out, not taken from flags (Debian 12's swscale BT.709 rgb48 conversion is off by about half an 8-bit
 * code, measured in MovieWriterTest's notes). Halved chroma is co-sited with the even luma samples horizontally (as
 * BT.709, ProRes and H.264's default chroma location site it), filtered [1 2 1]/4; 4:2:0 averages two rows.
 */
final class Rec709YCbCr {
    private static final double KR = 0.2126;
    private static final double KB = 0.0722;
    private static final double KG = 1 - KR - KB;
    private static final float CB_PER_B_MINUS_Y = (float) (1 / (2 * (1 - KB)));
    private static final float CR_PER_R_MINUS_Y = (float) (1 / (2 * (1 - KR)));

    private Rec709YCbCr() {
    }

    /**
     * Converts row {@code y} into luma codes ({@code bits} per sample, width samples) and chroma Pb/Pr in -0.5..0.5 at
     * full or half width, using {@code cbFull}/{@code crFull} (width floats) as scratch. Values outside 0..1 are
     * clamped; NaN and infinities are refused.
     */
    static void row(RgbImage image, int y, boolean halfWidth, int bits, short[] luma, float[] cb, float[] cr, float[] cbFull, float[] crFull) {
        int width = image.width();
        float[] d = image.data();
        float scale = 1 << (bits - 8);
        float yScale = 219 * scale;
        float yOffset = 16 * scale + 0.5f;
        int base = y * width * 3;
        for (int x = 0; x < width; x++) {
            int i = base + x * 3;
            float r = unit(d[i], image, i);
            float g = unit(d[i + 1], image, i + 1);
            float b = unit(d[i + 2], image, i + 2);
            float yy = (float) (KR * r + KG * g + KB * b);
            luma[x] = (short) (yy * yScale + yOffset);
            cbFull[x] = (b - yy) * CB_PER_B_MINUS_Y;
            crFull[x] = (r - yy) * CR_PER_R_MINUS_Y;
        }
        if (!halfWidth) {
            System.arraycopy(cbFull, 0, cb, 0, width);
            System.arraycopy(crFull, 0, cr, 0, width);
            return;
        }
        for (int x = 0, o = 0; x < width; x += 2, o++) {
            int left = Math.max(0, x - 1);
            int right = Math.min(width - 1, x + 1);
            cb[o] = (cbFull[left] + 2 * cbFull[x] + cbFull[right]) * 0.25f;
            cr[o] = (crFull[left] + 2 * crFull[x] + crFull[right]) * 0.25f;
        }
    }

    /** A Pb or Pr value as a limited-range code of {@code bits}. */
    static short chromaCode(float c, int bits) {
        float scale = 1 << (bits - 8);
        return (short) Math.round(c * 224 * scale + 128 * scale);
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
