package io.rushes.engine.format.tiff;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The directory tree of a TIFF-structured file (TIFF, DNG, NEF, CR2, ARW, PEF, IIQ, RW2, ORF…): IFD0
 * and its chain, SubIFDs, the EXIF and GPS IFDs. Only directories are read, never pixel data. Loops,
 * absurd entry counts and runaway chains are refused with the file and offset.
 */
public final class TiffStructure {
    public static final int MAX_IFDS = 128;
    public static final int MAX_ENTRIES = 4096;
    private static final int MAX_DEPTH = 4;

    private final BinaryReader in;
    private final long base;
    private final List<TiffIfd> ifds = new ArrayList<>();
    private final Set<Long> visited = new HashSet<>();
    private final List<Beyond> beyondEnd = new ArrayList<>();
    private final int magic;

    private TiffStructure(BinaryReader in, long base, int magic) {
        this.in = in;
        this.base = base;
        this.magic = magic;
    }

    /** True when the bytes start with a TIFF byte-order mark (classic TIFF, RW2 and ORF variants). */
    public static boolean sniff(byte[] head) {
        if (head.length < 8) {
            return false;
        }
        boolean ii = head[0] == 'I' && head[1] == 'I';
        boolean mm = head[0] == 'M' && head[1] == 'M';
        if (ii) {
            int m = (head[2] & 0xFF) | (head[3] & 0xFF) << 8;
            return m == 42 || m == 0x55 || m == 0x4F52 || m == 0x5352;
        }
        return mm && head[2] == 0 && head[3] == 42;
    }

    /** Parses the TIFF header at {@code base} (0 for plain files, an offset for embedded TIFF). */
    public static TiffStructure read(BinaryReader container, long base) {
        container.require(base, 8, "the TIFF header");
        int b0 = container.u8(base);
        int b1 = container.u8(base + 1);
        BinaryReader in;
        if (b0 == 'I' && b1 == 'I') {
            in = container.view(ByteOrder.LITTLE_ENDIAN);
        } else if (b0 == 'M' && b1 == 'M') {
            in = container.view(ByteOrder.BIG_ENDIAN);
        } else {
            throw Errors.corrupt(container.name(), base, "no TIFF byte-order mark (II or MM)");
        }
        int magic = in.u16(base + 2);
        if (magic == 43) {
            throw Errors.unsupportedFeature(in.name(), base + 2, "BigTIFF", "Convert the file to classic TIFF/DNG");
        }
        TiffStructure s = new TiffStructure(in, base, magic);
        long first = in.u32(base + 4);
        s.readChain(first, "IFD", 0);
        if (s.ifds.isEmpty()) {
            throw Errors.corrupt(in.name(), base + 4, "the TIFF header points to no image directory");
        }
        return s;
    }

    private void readChain(long first, String prefix, int depth) {
        long next = first;
        int index = 0;
        while (next != 0) {
            TiffIfd ifd = readIfd(next, prefix + index, depth);
            if (ifd == null) {
                return;
            }
            next = ifd.nextOffset();
            index++;
        }
    }

    private TiffIfd readIfd(long relative, String name, int depth) {
        long at = base + relative;
        if (!visited.add(at)) {
            throw Errors.corrupt(in.name(), at, "the image directories form a loop (" + name + " was already read)");
        }
        if (ifds.size() >= MAX_IFDS) {
            throw Errors.limitExceeded(in.name(), at, "the number of image directories", ifds.size() + 1, MAX_IFDS);
        }
        if (depth > MAX_DEPTH) {
            throw Errors.limitExceeded(in.name(), at, "the nesting depth of image directories", depth, MAX_DEPTH);
        }
        in.require(at, 2, "the entry count of " + name);
        int count = in.u16(at);
        if (count > MAX_ENTRIES) {
            throw Errors.limitExceeded(in.name(), at, "the entry count of " + name, count, MAX_ENTRIES);
        }
        in.require(at + 2, 12L * count + 4, "the " + count + " entries of " + name);
        TiffIfd ifd = new TiffIfd(name, at, in);
        for (int i = 0; i < count; i++) {
            long e = at + 2 + 12L * i;
            int tag = in.u16(e);
            int type = in.u16(e + 2);
            long n = in.u32(e + 4);
            int size = TiffEntry.typeSize(type);
            if (size == 0) {
                continue; // unknown type: skip the entry, as readers must
            }
            long length = n * size;
            long valueAt = length <= 4 ? e + 8 : base + in.u32(e + 8);
            if (length > 4 && (valueAt > in.size() || length > in.size() - valueAt)) {
                beyondEnd.add(new Beyond(name, tag, valueAt, length));
                continue; // value beyond the end of the file: the entry is unusable, the rest may not be
            }
            ifd.add(new TiffEntry(tag, type, n, valueAt));
        }
        ifd.nextOffset(in.u32(at + 2 + 12L * count));
        ifds.add(ifd);
        for (long sub : childOffsets(ifd, TiffTags.SUB_IFDS)) {
            readChainOnce(sub, "SubIFD", depth + 1);
        }
        for (long sub : childOffsets(ifd, TiffTags.EXIF_IFD)) {
            readIfdOnce(sub, "ExifIFD", TiffTags.EXIF_IFD, depth + 1);
        }
        for (long sub : childOffsets(ifd, TiffTags.GPS_IFD)) {
            readIfdOnce(sub, "GPS", TiffTags.GPS_IFD, depth + 1);
        }
        return ifd;
    }

    private void readChainOnce(long offset, String prefix, int depth) {
        if (offset <= 0 || pastTheEnd(offset, prefix, TiffTags.SUB_IFDS)) {
            return;
        }
        readIfd(offset, prefix + countWithPrefix(prefix), depth);
    }

    private void readIfdOnce(long offset, String name, int tag, int depth) {
        if (offset <= 0 || pastTheEnd(offset, name, tag) || visited.contains(base + offset)) {
            return;
        }
        readIfd(offset, name, depth);
    }

    /** A child directory that lies past the end of the file is left out, and noted (a cut file shows here). */
    private boolean pastTheEnd(long offset, String name, int tag) {
        if (base + offset < in.size()) {
            return false;
        }
        beyondEnd.add(new Beyond(name, tag, base + offset, 0));
        return true;
    }

    private int countWithPrefix(String prefix) {
        int n = 0;
        for (TiffIfd i : ifds) {
            if (i.name().startsWith(prefix)) {
                n++;
            }
        }
        return n;
    }

    private static long[] childOffsets(TiffIfd ifd, int tag) {
        TiffEntry e = ifd.entry(tag);
        if (e == null || e.count() > 64) {
            return new long[0];
        }
        double[] v = ifd.numbers(tag);
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (long) v[i];
        }
        return out;
    }

    /** An entry or child directory left out because it lies past the end of the file: where it was and how long (0 for a directory). */
    public record Beyond(String ifd, int tag, long valueOffset, long length) {
    }

    /** The entries and child directories skipped because they lie past the end of the file (a cut file shows here). */
    public List<Beyond> beyondEnd() {
        return beyondEnd;
    }

    /** Offset of the TIFF header in the file: entry offsets are relative to it. */
    public long base() {
        return base;
    }

    public List<TiffIfd> ifds() {
        return ifds;
    }

    public int magic() {
        return magic;
    }

    public BinaryReader reader() {
        return in;
    }

    public TiffIfd ifd0() {
        return ifds.get(0);
    }

    public TiffIfd find(String name) {
        for (TiffIfd i : ifds) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        return null;
    }

    /** The first directory holding {@code tag}, IFD0 first. */
    public TiffIfd withTag(int tag) {
        for (TiffIfd i : ifds) {
            if (i.has(tag)) {
                return i;
            }
        }
        return null;
    }

    public String string(int tag) {
        TiffIfd i = withTag(tag);
        return i == null ? null : i.string(tag);
    }

    public Double number(int tag) {
        TiffIfd i = withTag(tag);
        return i == null ? null : i.number(tag);
    }

    public double[] numbers(int tag) {
        TiffIfd i = withTag(tag);
        return i == null ? null : i.numbers(tag);
    }
}
