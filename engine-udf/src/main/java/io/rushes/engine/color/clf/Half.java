package io.rushes.engine.color.clf;

/** IEEE 754 binary16 conversions (Java 17 has none): CLF's halfDomain and rawHalfs LUTs are indexed and written in halfs. */
final class Half {
    private Half() {
    }

    /** The float a 16-bit pattern stands for. */
    static float toFloat(int bits) {
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13)); // inf / NaN
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            float v = mantissa / 1024f / 16384f; // subnormal: mantissa · 2^−24
            return sign != 0 ? -v : v;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** The 16-bit pattern of the half nearest to {@code value} (ties to even), as an index into a 65536-entry table. */
    static int fromFloat(float value) {
        int f = Float.floatToRawIntBits(value);
        int sign = (f >>> 16) & 0x8000;
        int exponent = (f >>> 23) & 0xFF;
        int mantissa = f & 0x7FFFFF;
        if (exponent == 0xFF) {
            return sign | 0x7C00 | (mantissa != 0 ? 0x200 : 0);
        }
        int e = exponent - 127 + 15;
        if (e >= 0x1F) {
            return sign | 0x7C00; // overflow to infinity
        }
        if (e <= 0) {
            if (e < -10) {
                return sign; // underflow to zero
            }
            int m = (mantissa | 0x800000) >> (1 - e);
            int shift = 13;
            int rounded = roundShift(m, shift);
            return sign | rounded;
        }
        int rounded = roundShift(mantissa, 13);
        int bits = (e << 10) + rounded; // a mantissa carry moves into the exponent, as it should
        return sign | Math.min(bits, 0x7C00);
    }

    private static int roundShift(int m, int shift) {
        int half = 1 << (shift - 1);
        int low = m & ((1 << shift) - 1);
        int out = m >> shift;
        if (low > half || (low == half && (out & 1) == 1)) {
            out++;
        }
        return out;
    }
}
