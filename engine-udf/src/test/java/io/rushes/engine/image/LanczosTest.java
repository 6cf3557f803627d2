package io.rushes.engine.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;

import org.junit.jupiter.api.Test;

/** Resampling geometry: pixel centres map to pixel centres, so sub-pixel placement is exact and nothing drifts by half a pixel. */
class LanczosTest {
    private static RgbImage ramp(int w, int h, double ax, double ay) {
        float[] d = new float[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                d[(y * w + x) * 3] = (float) (ax * x);
                d[(y * w + x) * 3 + 1] = (float) (ay * y);
                d[(y * w + x) * 3 + 2] = 0.5f;
            }
        }
        return new RgbImage(w, h, d);
    }

    @Test
    void theIdentityReturnsTheImage() {
        RgbImage in = ramp(40, 30, 0.01, 0.02);
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < in.data().length; i++) {
            in.data()[i] += (float) r.nextGaussian() * 0.1f;
        }
        RgbImage out = Lanczos.resample(in, new Lanczos.Axis(1, 0, 0), new Lanczos.Axis(1, 0, 0), 40, 30, 0, 0, 40, 30);
        for (int i = 0; i < in.data().length; i++) {
            assertEquals(in.data()[i], out.data()[i], 1e-6);
        }
    }

    @Test
    void anIntegerShiftMovesPixelsExactly() {
        RgbImage in = ramp(40, 30, 0.01, 0.02);
        // Source pixel (x, y) lands on output (x + 3, y − 2).
        RgbImage out = Lanczos.resample(in, new Lanczos.Axis(1, 0, 3), new Lanczos.Axis(1, 0, -2), 40, 30, 0, 0, 40, 30);
        assertEquals(in.get(10, 12, 0), out.get(13, 10, 0), 1e-6);
        assertEquals(in.get(10, 12, 1), out.get(13, 10, 1), 1e-6);
    }

    /**
     * A linear ramp sampled at pixel centres comes out as the ramp at the mapped centres, down- and upscaling. The
     * bound, 0.025 pixel, is a twentieth of a half-pixel shift: Lanczos-3 is not exactly linear-preserving at fractional
     * phases (its discrete first moment is about 1 % of a pixel there), a misplaced centre would be off by 0.5.
     */
    @Test
    void scalingKeepsPixelCentresOnTheRamp() {
        RgbImage in = ramp(400, 300, 0.001, 0.002);
        for (double scale : new double[] {0.5, 0.37, 1.8, 3}) {
            int w = (int) (400 * scale);
            int h = (int) (300 * scale);
            RgbImage out = Lanczos.resample(in, new Lanczos.Axis(scale, 0, 0), new Lanczos.Axis(scale, 0, 0), w, h, 0, 0, w, h);
            for (int x = 20; x < w - 20; x += 7) {
                double sourceIndex = (x + 0.5) / scale - 0.5;
                assertEquals(0.001 * sourceIndex, out.get(x, h / 2, 0), 0.025 * 0.001, "scale " + scale + " x " + x);
            }
            for (int y = 20; y < h - 20; y += 7) {
                double sourceIndex = (y + 0.5) / scale - 0.5;
                assertEquals(0.002 * sourceIndex, out.get(w / 2, y, 1), 0.025 * 0.002, "scale " + scale + " y " + y);
            }
            assertEquals(0.5, out.get(w / 3, h / 3, 2), 1e-6, "weights sum to one");
        }
    }

    @Test
    void outsideTheActiveAreaIsPadding() {
        RgbImage in = ramp(40, 30, 0.01, 0.02);
        RgbImage out = Lanczos.resample(in, new Lanczos.Axis(1, 0, 10), new Lanczos.Axis(1, 0, 5), 60, 40, 10, 5, 50, 35);
        assertEquals(0, out.get(9, 20, 2));
        assertEquals(0.5, out.get(10, 20, 2), 1e-6);
        assertEquals(0.5, out.get(49, 34, 2), 1e-6);
        assertEquals(0, out.get(50, 34, 2));
        assertEquals(0, out.get(30, 35, 2));
    }

    @Test
    void theKernelIsLanczos3() {
        assertEquals(1, Lanczos.kernel(0));
        assertEquals(0, Lanczos.kernel(1), 1e-15);
        assertEquals(0, Lanczos.kernel(3));
        assertEquals(3 * Math.sin(Math.PI * 0.5) * Math.sin(Math.PI * 0.5 / 3) / (Math.PI * Math.PI * 0.25), Lanczos.kernel(0.5), 1e-15);
    }

    /** 30000x30000 overflowed the output's int size (NegativeArraySizeException); now refused naming the pixel limit. */
    @Test
    void anOutputPastTheLimitsIsRefusedBeforeAllocating() {
        RgbImage in = ramp(8, 8, 0.1, 0.1);
        RushesException e = assertThrows(RushesException.class,
                () -> Lanczos.resample(in, new Lanczos.Axis(1, 0, 0), new Lanczos.Axis(1, 0, 0), 30000, 30000, 0, 0, 8, 8));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("30000x30000") && e.getMessage().contains("above the limit of " + ImageLimits.MAX_PIXELS), e.getMessage());
        RushesException empty = assertThrows(RushesException.class,
                () -> Lanczos.resample(in, new Lanczos.Axis(1, 0, 0), new Lanczos.Axis(1, 0, 0), 1920, 0, 0, 0, 8, 8));
        assertEquals(ErrorCode.INVALID_ARGUMENT, empty.code());
        assertTrue(empty.getMessage().contains("1920x0"), empty.getMessage());
    }

    /** A scale of 1e-6 widens the kernel to 6 million taps a sample: refused instead of an overflowing weight table. */
    @Test
    void anExtremeDownscaleIsRefusedBeforeItsFilterIsBuilt() {
        RgbImage in = ramp(8, 8, 0.1, 0.1);
        RushesException e = assertThrows(RushesException.class,
                () -> Lanczos.resample(in, new Lanczos.Axis(1e-6, 0, 0), new Lanczos.Axis(1, 0, 0), 1000, 8, 0, 0, 1000, 8));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains("Lanczos filter") && e.getMessage().contains("above the limit of 16777216"), e.getMessage());
    }
}
