package io.rushes.engine.metadata;

import java.util.Locale;

/**
 * The 4-byte BCD timecode of SMPTE ST 331 §8.2 (as used by CinemaDNG TimeCodes and SMPTE 12M binary
 * groups): frames, seconds, minutes, hours, each as BCD units and tens, with the drop-frame flag in bit 6
 * of the frames byte.
 */
public final class SmpteTimecodeBytes {
    private SmpteTimecodeBytes() {
    }

    /** Decodes, or returns null when any digit is not a valid BCD digit for its position. */
    public static Timecode decode(byte[] b, int offset, int rate) {
        if (b == null || b.length < offset + 4) {
            return null;
        }
        int fr = b[offset] & 0xFF;
        int se = b[offset + 1] & 0xFF;
        int mi = b[offset + 2] & 0xFF;
        int ho = b[offset + 3] & 0xFF;
        boolean drop = (fr & 0x40) != 0;
        int frames = bcd(fr & 0x3F);
        int seconds = bcd(se & 0x7F);
        int minutes = bcd(mi & 0x7F);
        int hours = bcd(ho & 0x3F);
        if (frames < 0 || seconds < 0 || minutes < 0 || hours < 0 || hours > 23 || minutes > 59 || seconds > 59 || frames >= rate) {
            return null;
        }
        if (drop && rate % 30 != 0) {
            drop = false;
        }
        return new Timecode(hours, minutes, seconds, frames, rate, drop);
    }

    /**
     * Decodes the same digits held in one 32-bit word with the hours in its most significant byte, as DPX
     * (SMPTE ST 268) stores its time code; null when a digit is not valid BCD for its position.
     */
    public static Timecode decodeWord(long word, int rate) {
        return decode(frameFirst(word), 0, rate);
    }

    /** The digits as written, {@code hh:mm:ss:ff} in hex, for the raw map when they do not decode. */
    public static String digits(byte[] b, int offset) {
        if (b == null || b.length < offset + 4) {
            return null;
        }
        return String.format(Locale.ROOT, "%02x:%02x:%02x:%02x", b[offset + 3] & 0x3F, b[offset + 2] & 0x7F, b[offset + 1] & 0x7F,
                b[offset] & 0x3F);
    }

    /** {@link #digits} of a 32-bit word with the hours in its most significant byte. */
    public static String digitsOfWord(long word) {
        return digits(frameFirst(word), 0);
    }

    private static byte[] frameFirst(long word) {
        return new byte[] {(byte) word, (byte) (word >>> 8), (byte) (word >>> 16), (byte) (word >>> 24)};
    }

    public static byte[] encode(Timecode tc) {
        return new byte[] {
            (byte) (toBcd(tc.frames()) | (tc.dropFrame() ? 0x40 : 0)),
            (byte) toBcd(tc.seconds()),
            (byte) toBcd(tc.minutes()),
            (byte) toBcd(tc.hours()),
            0, 0, 0, 0,
        };
    }

    private static int bcd(int v) {
        int units = v & 0x0F;
        int tens = v >> 4;
        return units > 9 || tens > 9 ? -1 : tens * 10 + units;
    }

    private static int toBcd(int v) {
        return ((v / 10) << 4) | (v % 10);
    }
}
