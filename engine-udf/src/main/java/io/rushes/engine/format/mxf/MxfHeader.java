package io.rushes.engine.format.mxf;

import io.rushes.engine.error.Errors;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The header metadata of an MXF file (SMPTE ST 377-1): the partition pack, the primer pack and every
 * local set (preface, identification, packages, tracks, sequences, timecode components, essence
 * descriptors). Reads the header partition, or the footer's copy when the header says it is incomplete;
 * never the essence.
 */
public final class MxfHeader {
    /** Partition packs: 06.0e.2b.34.02.05.01.01.0d.01.02.01.01, then kind (02 header, 03 body, 04 footer), status. */
    static final byte[] PARTITION_PREFIX = {0x06, 0x0e, 0x2b, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0d, 0x01, 0x02, 0x01, 0x01};
    private static final byte[] LOCAL_SET_PREFIX = {0x06, 0x0e, 0x2b, 0x34, 0x02, 0x53, 0x01, 0x01};
    private static final int KIND_HEADER = 0x02;
    private static final int KIND_FOOTER = 0x04;
    private static final byte[] SMPTE_KEY = {0x06, 0x0e, 0x2b, 0x34};
    private static final int PRIMER_KIND = 0x05;
    /** SMPTE allows a run-in of up to 64 KiB before the header partition. */
    static final int MAX_RUN_IN = 65536;
    private static final long MAX_HEADER_BYTES = 64L << 20;
    private static final int MAX_SETS = 200_000;
    /** Index table segment key: 06.0e.2b.34.02.53.01.01.0d.01.02.01.01.10.01. */
    private static final byte[] INDEX_SEGMENT = {0x06, 0x0e, 0x2b, 0x34, 0x02, 0x53, 0x01, 0x01, 0x0d, 0x01, 0x02, 0x01, 0x01, 0x10, 0x01};
    /** KLVs checked past the header metadata (index, body partitions, the first frames' essence): a cut early in the essence shows there. */
    private static final int MAX_KLVS_AFTER_HEADER = 64;

    /** One local set: its type (key bytes 13–14), its items by local tag, and its instance UID. */
    public record LocalSet(int type, Map<Integer, byte[]> items) {
        public byte[] item(int tag) {
            return items.get(tag);
        }

        public String uid() {
            byte[] u = items.get(0x3c0a);
            return u == null ? null : HexFormat.of().formatHex(u);
        }
    }

    public int majorVersion;
    public int minorVersion;
    public String operationalPattern;
    public boolean complete;
    public boolean fromFooter;
    /** Dynamic local tags (0x8000 and above) to the UL they stand for. */
    public final Map<Integer, String> primer = new HashMap<>();
    public final List<LocalSet> sets = new ArrayList<>();
    private final Map<String, LocalSet> byUid = new HashMap<>();
    /** Damage the partition pack shows (a footer, index or essence past the end of the file), with the metadata still read. */
    public final List<RushesException> problems = new ArrayList<>();
    /** Where the header metadata ends, by its declared byte count (-1 before it is read). */
    private long metadataEnd = -1;

    public LocalSet byUid(byte[] ref) {
        return ref == null ? null : byUid.get(HexFormat.of().formatHex(ref));
    }

    public List<LocalSet> ofType(int type) {
        return sets.stream().filter(s -> s.type == type).toList();
    }

    public static MxfHeader read(BinaryReader in) {
        in.order(ByteOrder.BIG_ENDIAN);
        long start = findHeaderPartition(in);
        MxfHeader h = new MxfHeader();
        Klv pack = Klv.at(in, start);
        h.majorVersion = in.u16(pack.valueStart());
        h.minorVersion = in.u16(pack.valueStart() + 2);
        int status = in.u8(start + 14);
        h.complete = status == 0x03 || status == 0x04;
        long footer = pack.length() >= 32 ? in.u64(pack.valueStart() + 24) : 0;
        if (pack.length() >= 80) {
            h.operationalPattern = ul(in.bytes(pack.valueStart() + 64, 16, "the operational pattern"));
        }
        long headerBytes = pack.length() >= 40 ? in.u64(pack.valueStart() + 32) : 0;
        // An incomplete header (still recording when written) may have a final copy in the footer.
        long footerAt = footer > 0 ? start + footer : footerFromRandomIndex(in);
        if (!h.complete && footerAt > 0 && footerAt < in.size() - 16) {
            if (isPartition(in, footerAt, KIND_FOOTER)) {
                Klv fp = Klv.at(in, footerAt);
                long footerHeaderBytes = fp.length() >= 40 ? in.u64(fp.valueStart() + 32) : 0;
                if (footerHeaderBytes > 0) {
                    h.fromFooter = true;
                    h.readMetadata(in, fp.end(), footerHeaderBytes);
                    return h;
                }
            }
        }
        if (headerBytes == 0) {
            throw Errors.corrupt(in.name(), start, "the header partition holds no header metadata");
        }
        h.readMetadata(in, pack.end(), headerBytes);
        h.checkExtents(in, footerAt);
        return h;
    }

    /**
     * What a file cut short shows in its header partition: the footer it points to lies past the end, or the
     * header metadata, the index that follows it, or one of the first KLVs of the essence after them does.
     */
    private void checkExtents(BinaryReader in, long footerAt) {
        if (footerAt > 0 && footerAt + 17 > in.size()) {
            problems.add(Errors.truncated(in.name(), footerAt, "the footer partition the header partition points to at byte " + footerAt
                    + " (the file has " + in.size() + " bytes)"));
        }
        if (metadataEnd > in.size()) {
            problems.add(Errors.truncated(in.name(), metadataEnd, "the end of the header metadata at byte " + metadataEnd
                    + " (the file has " + in.size() + " bytes)"));
            return;
        }
        if (metadataEnd < 0) {
            return; // no primer pack: nothing says where the header metadata ends
        }
        long at = metadataEnd;
        for (int i = 0; i < MAX_KLVS_AFTER_HEADER; i++) {
            if (at == in.size() && i > 0) {
                return; // the file ends on a KLV boundary, after some essence: nothing shows a cut
            }
            if (at + 17 > in.size()) {
                problems.add(Errors.truncated(in.name(), at, "the essence, index or footer that follows the header metadata at byte " + at
                        + " (the file has " + in.size() + " bytes)"));
                return;
            }
            byte[] key = in.bytes(at, 16, "a KLV key");
            if (!startsWith(key, SMPTE_KEY)) {
                return; // not a KLV here: the header's counts say nothing about what follows
            }
            Klv k;
            try {
                k = Klv.at(in, at);
            } catch (RushesException damaged) {
                problems.add(damaged);
                return;
            }
            if (k.end() > in.size()) {
                String what = startsWith(key, INDEX_SEGMENT) ? "index table segment" : isFill(key) ? "fill"
                        : startsWith(key, PARTITION_PREFIX) ? "partition" : "essence";
                problems.add(Errors.truncated(in.name(), at, "the end of the " + k.length() + "-byte " + what + " KLV at byte " + at
                        + " (it ends at byte " + k.end() + ", the file has " + in.size() + " bytes)"));
                return;
            }
            if (startsWith(key, PARTITION_PREFIX) && key[13] == KIND_FOOTER) {
                return; // the footer is reached whole
            }
            at = k.end();
        }
    }

    /**
     * The last partition listed by the random index pack at the end of the file (an open header does not
     * know where its footer will be), or -1.
     */
    private static long footerFromRandomIndex(BinaryReader in) {
        if (in.size() < 16 + 1 + 12 + 4) {
            return -1;
        }
        long length = in.u32(in.size() - 4);
        long ripAt = in.size() - length;
        if (length < 17 + 12 + 4 || ripAt < 0 || !isPartition(in, ripAt, 0x11)) {
            return -1;
        }
        return in.u64(in.size() - 4 - 8);
    }

    private static long findHeaderPartition(BinaryReader in) {
        long limit = Math.min(in.size() - 16, MAX_RUN_IN);
        for (long at = 0; at <= limit; at++) {
            if (isPartition(in, at, KIND_HEADER)) {
                return at;
            }
        }
        throw Errors.corrupt(in.name(), 0, "no MXF header partition pack in the first 64 KiB");
    }

    static boolean isPartition(BinaryReader in, long at, int kind) {
        if (at < 0 || at + 16 > in.size()) {
            return false;
        }
        for (int i = 0; i < PARTITION_PREFIX.length; i++) {
            if (in.u8(at + i) != (PARTITION_PREFIX[i] & 0xFF)) {
                return false;
            }
        }
        return in.u8(at + 13) == kind;
    }

    /** Reads the primer and local sets that follow a partition pack (skipping fill), bounded by the declared byte count. */
    private void readMetadata(BinaryReader in, long from, long headerBytes) {
        if (headerBytes > MAX_HEADER_BYTES) {
            throw Errors.limitExceeded(in.name(), from, "the header metadata size", headerBytes, MAX_HEADER_BYTES);
        }
        long at = from;
        long end = -1;
        while (at + 17 <= in.size() && (end < 0 || at < end)) {
            Klv k = Klv.at(in, at);
            byte[] key = in.bytes(at, 16, "a KLV key");
            if (k.end() > in.size()) {
                throw Errors.truncated(in.name(), at, "the end of an MXF header metadata set");
            }
            if (isPrimer(key)) {
                end = at + headerBytes; // the byte count runs from the primer pack
                metadataEnd = end;
                readPrimer(in, k);
            } else if (startsWith(key, LOCAL_SET_PREFIX)) {
                if (sets.size() >= MAX_SETS) {
                    throw Errors.limitExceeded(in.name(), at, "the number of header metadata sets", sets.size(), MAX_SETS);
                }
                readSet(in, k, ((key[13] & 0xFF) << 8) | (key[14] & 0xFF));
            } else if (!isFill(key)) {
                break; // index table or essence: the header metadata is over
            }
            at = k.end();
        }
        if (sets.isEmpty()) {
            throw Errors.corrupt(in.name(), from, "the MXF header metadata holds no sets");
        }
    }

    private void readPrimer(BinaryReader in, Klv k) {
        long count = in.u32(k.valueStart());
        long itemSize = in.u32(k.valueStart() + 4);
        if (itemSize != 18 || 8 + count * 18 > k.length()) {
            throw Errors.corrupt(in.name(), k.start(), "the primer pack's batch header (" + count + " × " + itemSize + " bytes) does not fit it");
        }
        for (long i = 0; i < count; i++) {
            long e = k.valueStart() + 8 + i * 18;
            primer.put(in.u16(e), ul(in.bytes(e + 2, 16, "a primer entry")));
        }
    }

    private void readSet(BinaryReader in, Klv k, int type) {
        Map<Integer, byte[]> items = new HashMap<>();
        long at = k.valueStart();
        while (at + 4 <= k.end()) {
            int tag = in.u16(at);
            int len = in.u16(at + 2);
            if (at + 4 + len > k.end()) {
                throw Errors.corrupt(in.name(), at, "local tag 0x" + Integer.toHexString(tag) + " runs past the end of its set");
            }
            items.put(tag, in.bytes(at + 4, len, "a local set item"));
            at += 4 + len;
        }
        LocalSet set = new LocalSet(type, items);
        sets.add(set);
        if (set.uid() != null) {
            byUid.put(set.uid(), set);
        }
    }

    private static boolean isPrimer(byte[] key) {
        return startsWith(key, PARTITION_PREFIX) && key[13] == PRIMER_KIND;
    }

    /** KLV fill: 06.0e.2b.34.01.01.01.0x.03.01.02.10.01 (the version byte varies). */
    private static boolean isFill(byte[] key) {
        return key[0] == 0x06 && key[1] == 0x0e && key[2] == 0x2b && key[3] == 0x34 && key[4] == 0x01
                && key[8] == 0x03 && key[9] == 0x01 && key[10] == 0x02 && key[11] == 0x10;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (key[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A UL as ExifTool and SMPTE registers print it: 060e2b34.0401.0101.01030202.01000000. */
    public static String ul(byte[] b) {
        String hex = HexFormat.of().formatHex(b);
        return hex.substring(0, 8) + "." + hex.substring(8, 12) + "." + hex.substring(12, 16) + "." + hex.substring(16, 24) + "."
                + hex.substring(24, 32);
    }

    /** A key-length-value triplet: 16-byte key, BER length. */
    record Klv(long start, long valueStart, long length) {
        long end() {
            return valueStart + length;
        }

        static Klv at(BinaryReader in, long at) {
            int first = in.u8(at + 16);
            if (first < 0x80) {
                return new Klv(at, at + 17, first);
            }
            int n = first & 0x7f;
            if (n == 0 || n > 8) {
                throw Errors.corrupt(in.name(), at + 16, "a KLV length of " + n + " bytes is not valid BER");
            }
            long len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | in.u8(at + 17 + i);
                if (len < 0 || len > in.size()) {
                    throw Errors.truncated(in.name(), at, "the " + len + "-byte KLV value its length claims");
                }
            }
            return new Klv(at, at + 17 + n, len);
        }
    }
}
