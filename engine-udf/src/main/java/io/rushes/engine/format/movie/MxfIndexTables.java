package io.rushes.engine.format.movie;

import io.rushes.engine.io.ByteSource;
import java.io.IOException;

/**
 * Whether an MXF file has index tables (SMPTE ST 377-1 §11, ST 377-1 partition pack IndexByteCount), which FFmpeg's
 * mxf demuxer needs to seek: without them it jumps to a byte position estimated from the bit rate and labels the next
 * frame with the time asked for, so the frame found is not the frame asked for. Read from the partition packs: the
 * header's, the footer's, and every partition the random index pack at the end of the file lists.
 */
final class MxfIndexTables {
    /** A partition pack key up to the byte that says header, body or footer (ST 377-1 table 4). */
    private static final byte[] PARTITION = {0x06, 0x0e, 0x2b, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0d, 0x01, 0x02, 0x01, 0x01};
    private static final byte[] RANDOM_INDEX = {0x06, 0x0e, 0x2b, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0d, 0x01, 0x02, 0x01, 0x01, 0x11, 0x01, 0x00};
    /** ST 377-1 allows a run-in of up to 64 KiB before the header partition. */
    private static final int RUN_IN_LIMIT = 65536;
    /** Partitions read at most (a file with more is treated as unindexed: frames are then found from the start). */
    private static final int PARTITION_LIMIT = 4096;
    /** From the partition pack's value: IndexByteCount's offset, after the versions, KAG size and four 8-byte fields. */
    private static final int INDEX_BYTE_COUNT = 2 + 2 + 4 + 8 + 8 + 8 + 8;
    private static final int FOOTER_PARTITION = 2 + 2 + 4 + 8 + 8;

    private MxfIndexTables() {
    }

    static boolean present(ByteSource source) throws IOException {
        long size = source.size();
        byte[] head = new byte[(int) Math.min(size, RUN_IN_LIMIT + 16)];
        int got = readFully(source, 0, head);
        int start = find(head, got, PARTITION);
        if (start < 0) {
            return false;
        }
        long[] header = partition(source, start, size);
        if (header == null) {
            return false;
        }
        if (header[0] > 0) {
            return true;
        }
        if (header[1] > 0 && partitionHasIndex(source, start + header[1], size)) {
            return true;
        }
        byte[] tail = new byte[4];
        if (size < 20 || readFully(source, size - 4, tail) < 4) {
            return false;
        }
        long ripLength = ((tail[0] & 0xFFL) << 24) | ((tail[1] & 0xFF) << 16) | ((tail[2] & 0xFF) << 8) | (tail[3] & 0xFF);
        if (ripLength < 20 || ripLength > size || (ripLength - 20) / 12 > PARTITION_LIMIT) {
            return false;
        }
        byte[] rip = new byte[(int) ripLength];
        if (readFully(source, size - ripLength, rip) < rip.length || find(rip, RANDOM_INDEX.length, RANDOM_INDEX) != 0) {
            return false;
        }
        int value = 16 + berBytes(rip[16]);
        for (int e = value; e + 12 <= rip.length - 4; e += 12) {
            long offset = be(rip, e + 4, 8);
            if (partitionHasIndex(source, start + offset, size)) {
                return true;
            }
        }
        return false;
    }

    private static boolean partitionHasIndex(ByteSource source, long at, long size) throws IOException {
        long[] p = partition(source, at, size);
        return p != null && p[0] > 0;
    }

    /** IndexByteCount and FooterPartition of the partition pack at {@code at}, or null when there is none there. */
    private static long[] partition(ByteSource source, long at, long size) throws IOException {
        if (at < 0 || at + 16 + 9 + INDEX_BYTE_COUNT + 8 > size) {
            return null;
        }
        byte[] b = new byte[16 + 9 + INDEX_BYTE_COUNT + 8];
        if (readFully(source, at, b) < b.length || find(b, PARTITION.length, PARTITION) != 0) {
            return null;
        }
        int value = 16 + berBytes(b[16]);
        if (value + INDEX_BYTE_COUNT + 8 > b.length) {
            return null;
        }
        return new long[] {be(b, value + INDEX_BYTE_COUNT, 8), be(b, value + FOOTER_PARTITION, 8)};
    }

    /** Bytes of a BER length whose first byte is {@code first}. */
    private static int berBytes(byte first) {
        return (first & 0x80) == 0 ? 1 : 1 + (first & 0x7F);
    }

    private static long be(byte[] b, int at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | (b[at + i] & 0xFF);
        }
        return v;
    }

    /** Where {@code key} starts in {@code b} at an offset up to {@code limit - key.length}, or -1. */
    private static int find(byte[] b, int limit, byte[] key) {
        outer:
        for (int i = 0; i + key.length <= Math.min(limit, b.length); i++) {
            for (int k = 0; k < key.length; k++) {
                if (b[i + k] != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int readFully(ByteSource source, long at, byte[] into) throws IOException {
        int done = 0;
        while (done < into.length) {
            int n = source.read(at + done, into, done, into.length - done);
            if (n <= 0) {
                break;
            }
            done += n;
        }
        return done;
    }
}
