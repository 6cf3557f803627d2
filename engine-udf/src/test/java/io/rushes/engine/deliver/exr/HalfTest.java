package io.rushes.engine.deliver.exr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HalfTest {
    @Test
    void everyHalfSurvivesHalfToFloatToHalf() {
        for (int h = 0; h < 65536; h++) {
            float f = Half.toFloat((short) h);
            if (isNaN(h)) {
                assertTrue(Float.isNaN(f), "half " + Integer.toHexString(h) + " is a NaN");
                assertTrue(isNaN(Half.fromFloat(f) & 0xFFFF), "NaN " + Integer.toHexString(h) + " stays NaN");
            } else {
                assertEquals(h, Half.fromFloat(f) & 0xFFFF, "half 0x" + Integer.toHexString(h) + " = " + f);
            }
        }
    }

    @Test
    void knownValuesDecodeExactly() {
        assertEquals(1.0f, Half.toFloat((short) 0x3C00));
        assertEquals(-2.0f, Half.toFloat((short) 0xC000));
        assertEquals(65504f, Half.toFloat((short) 0x7BFF));
        assertEquals(0x1p-14f, Half.toFloat((short) 0x0400), "smallest normal");
        assertEquals(0x1p-24f, Half.toFloat((short) 0x0001), "smallest denormal");
        assertEquals(Float.POSITIVE_INFINITY, Half.toFloat((short) 0x7C00));
        assertEquals(Float.NEGATIVE_INFINITY, Half.toFloat((short) 0xFC00));
        assertEquals(0x8000, Half.fromFloat(-0.0f) & 0xFFFF, "negative zero keeps its sign");
    }

    @Test
    void roundsToNearestEvenAtTiesAndOverflow() {
        // 1 + 2^-11 lies halfway between 1 (0x3C00, even) and 1 + 2^-10 (0x3C01): ties go to the even one.
        assertEquals(0x3C00, Half.fromFloat(1 + 0x1p-11f) & 0xFFFF);
        // 1 + 3 * 2^-11 lies halfway between 0x3C01 (odd) and 0x3C02 (even).
        assertEquals(0x3C02, Half.fromFloat(1 + 3 * 0x1p-11f) & 0xFFFF);
        assertEquals(0x7BFF, Half.fromFloat(65519.99f) & 0xFFFF, "just below the halfway point to infinity");
        assertEquals(0x7C00, Half.fromFloat(65520f) & 0xFFFF, "halfway between 65504 and 65536 rounds to infinity");
        assertEquals(0x0000, Half.fromFloat(0x1p-25f) & 0xFFFF, "half the smallest denormal ties to zero");
        assertEquals(0x0001, Half.fromFloat(Math.nextUp(0x1p-25f)) & 0xFFFF);
        assertEquals(0x0002, Half.fromFloat(3 * 0x1p-25f) & 0xFFFF, "1.5 denormal units tie to 2");
        assertEquals(0x0400, Half.fromFloat(Math.nextDown(0x1p-14f)) & 0xFFFF, "rounds up from the denormals into the normals");
        assertTrue(isNaN(Half.fromFloat(Float.NaN) & 0xFFFF));
    }

    /** Every random float converts to the nearest half found by searching all finite halfs, ties to even. */
    @Test
    void randomFloatsConvertToTheNearestHalf() {
        float[] sorted = new float[31744]; // the positive finite halfs 0x0000..0x7BFF, increasing
        for (int h = 0; h < sorted.length; h++) {
            sorted[h] = Half.toFloat((short) h);
        }
        Random random = new Random(13);
        for (int i = 0; i < 200_000; i++) {
            float f = (float) (Math.scalb(random.nextDouble(), random.nextInt(44) - 28));
            int expected = nearest(sorted, f);
            assertEquals(expected, Half.fromFloat(f) & 0xFFFF, "float " + f);
            assertEquals(expected | 0x8000, Half.fromFloat(-f) & 0xFFFF, "float " + -f);
        }
    }

    private static int nearest(float[] sorted, float f) {
        if (f >= 65520f) {
            return 0x7C00;
        }
        int hi = java.util.Arrays.binarySearch(sorted, f);
        if (hi >= 0) {
            return hi;
        }
        hi = -hi - 1;
        if (hi == sorted.length) {
            return sorted.length - 1;
        }
        int lo = hi - 1;
        double below = (double) f - sorted[lo];
        double above = (double) sorted[hi] - f;
        return below < above ? lo : above < below ? hi : (lo % 2 == 0 ? lo : hi);
    }

    private static boolean isNaN(int h) {
        return (h & 0x7C00) == 0x7C00 && (h & 0x3FF) != 0;
    }
}
