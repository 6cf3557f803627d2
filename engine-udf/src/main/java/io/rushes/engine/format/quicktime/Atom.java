package io.rushes.engine.format.quicktime;

import java.nio.charset.StandardCharsets;

/**
 * One QuickTime atom / ISO BMFF box: its four-character type, where its payload starts and how long it is.
 */
public record Atom(String type, long start, long payloadStart, long end) {
    public long payloadSize() {
        return end - payloadStart;
    }

    static String fourcc(long v) {
        byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
