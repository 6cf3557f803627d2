package io.rushes.engine.format.mpegts;

/**
 * Reads bits and Exp-Golomb codes (H.264 §9.1) from an RBSP. Reading past the end yields zeros and sets
 * {@link #overrun()}, so a truncated parameter set is detected once, after parsing, not at every read.
 */
final class BitReader {
    private final byte[] data;
    private long bit;
    private boolean overrun;

    BitReader(byte[] data) {
        this.data = data;
    }

    int bits(int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 1) | bit();
        }
        return v;
    }

    int bit() {
        long byteIndex = bit >>> 3;
        if (byteIndex >= data.length) {
            overrun = true;
            bit++;
            return 0;
        }
        int b = (data[(int) byteIndex] >> (7 - (int) (bit & 7))) & 1;
        bit++;
        return b;
    }

    /** ue(v); codes longer than 31 bits cannot occur in a valid stream and read as overrun. */
    int ue() {
        int zeros = 0;
        while (bit() == 0) {
            if (++zeros > 31 || overrun) {
                overrun = true;
                return 0;
            }
        }
        return (int) ((1L << zeros) - 1 + (zeros == 0 ? 0 : bits(zeros) & 0xFFFFFFFFL));
    }

    int se() {
        int k = ue();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    boolean overrun() {
        return overrun;
    }
}
