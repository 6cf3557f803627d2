package io.rushes.engine.format;

import java.nio.charset.StandardCharsets;

/** The first bytes of a file, for format sniffing. */
public record Probe(byte[] head, long size) {
    public static final int HEAD_BYTES = 4096;

    public boolean startsWith(int offset, String ascii) {
        byte[] want = ascii.getBytes(StandardCharsets.ISO_8859_1);
        return startsWith(offset, want);
    }

    public boolean startsWith(int offset, byte[] want) {
        if (offset < 0 || head.length < offset + want.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            if (head[offset + i] != want[i]) {
                return false;
            }
        }
        return true;
    }

    public int u8(int offset) {
        return offset < head.length ? head[offset] & 0xFF : -1;
    }

    public long u32be(int offset) {
        if (offset + 4 > head.length) {
            return -1;
        }
        return ((long) u8(offset) << 24) | (u8(offset + 1) << 16) | (u8(offset + 2) << 8) | u8(offset + 3);
    }
}
