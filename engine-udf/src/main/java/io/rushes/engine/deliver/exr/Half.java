package io.rushes.engine.deliver.exr;

/**
 * IEEE 754 binary16 ("half", OpenEXR's HALF pixel type) to and from float. Float to half rounds to nearest, ties to
 * even, keeps denormals, sends everything at or above 65520 to infinity and keeps NaN a NaN (its top payload bits,
 * or a quiet NaN when they are all zero). Half to float is exact, read from a table.
 */
public final class Half {
    private static final float[] TO_FLOAT = new float[65536];

    static {
        for (int h = 0; h < TO_FLOAT.length; h++) {
            TO_FLOAT[h] = decode(h);
        }
    }

    private Half() {
    }

    public static float toFloat(short half) {
        return TO_FLOAT[half & 0xFFFF];
    }

    public static short fromFloat(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7FFFFFFF;
        if (abs >= 0x7F800000) {
            int payload = (abs >>> 13) & 0x3FF;
            return (short) (sign | 0x7C00 | (abs == 0x7F800000 ? 0 : payload == 0 ? 0x200 : payload));
        }
        if (abs >= 0x477FF000) {
            return (short) (sign | 0x7C00); // 65520 and above round past the largest half (65504)
        }
        if (abs >= 0x38800000) {
            // Normal half: rebias the exponent (127 - 15), then round away the 13 low mantissa bits to even.
            int r = abs - 0x38000000;
            r += 0xFFF + ((r >>> 13) & 1);
            return (short) (sign | (r >>> 13));
        }
        if (abs < 0x33000000) {
            return (short) sign; // below 2^-25 (half the smallest denormal), and 2^-25 itself ties to even zero
        }
        // Denormal half: the value in units of 2^-24, rounded to even.
        int exponent = abs >>> 23;
        int mantissa = (abs & 0x7FFFFF) | 0x800000;
        int shift = 126 - exponent;
        int half = mantissa >>> shift;
        int rest = mantissa & ((1 << shift) - 1);
        int halfway = 1 << (shift - 1);
        if (rest > halfway || (rest == halfway && (half & 1) != 0)) {
            half++;
        }
        return (short) (sign | half);
    }

    private static float decode(int h) {
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0) {
            float v = mantissa * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        if (exponent == 31) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
