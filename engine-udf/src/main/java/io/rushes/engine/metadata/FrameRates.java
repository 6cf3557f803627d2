package io.rushes.engine.metadata;

/** Frame rates as the rationals containers store: the NTSC rates exactly (24000/1001), others in thousandths, reduced. */
public final class FrameRates {
    private FrameRates() {
    }

    /** {@code fps} (0 < fps <= 1000) as {numerator, denominator}: 23.976 → 24000/1001, 25 → 25/1, 47.952 → 48000/1001. */
    public static int[] rational(double fps) {
        if (!(fps > 0 && fps <= 1000)) {
            throw new IllegalArgumentException("not a frame rate: " + fps);
        }
        long ntsc = Math.round(fps * 1.001);
        if (Math.abs(fps - ntsc / 1.001) < 5e-4 && Math.abs(fps - Math.rint(fps)) > 1e-3) {
            return new int[] {Math.toIntExact(ntsc * 1000), 1001};
        }
        int numerator = (int) Math.round(fps * 1000);
        int g = java.math.BigInteger.valueOf(numerator).gcd(java.math.BigInteger.valueOf(1000)).intValue();
        return new int[] {numerator / g, 1000 / g};
    }
}
