package io.rushes.engine.deliver.tiff;

import io.rushes.engine.format.tiff.TiffEntry;
import io.rushes.engine.format.tiff.TiffTags;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Builds the header of a little-endian classic TIFF with one image directory and an optional EXIF
 * directory; the caller appends the single strip of pixel data after {@link #header(long)}. All header
 * data sits in front of the pixels, so a reader of the header never touches them.
 */
public final class TiffWriter {
    private final TreeMap<Integer, byte[]> ifd0 = new TreeMap<>();
    private final TreeMap<Integer, Integer> ifd0Types = new TreeMap<>();
    private final TreeMap<Integer, Long> ifd0Counts = new TreeMap<>();
    private final TreeMap<Integer, byte[]> exif = new TreeMap<>();
    private final TreeMap<Integer, Integer> exifTypes = new TreeMap<>();
    private final TreeMap<Integer, Long> exifCounts = new TreeMap<>();

    private TiffWriter put(boolean inExif, int tag, int type, long count, byte[] value) {
        (inExif ? exif : ifd0).put(tag, value);
        (inExif ? exifTypes : ifd0Types).put(tag, type);
        (inExif ? exifCounts : ifd0Counts).put(tag, count);
        return this;
    }

    public TiffWriter ascii(boolean inExif, int tag, String text) {
        byte[] b = (text + "\0").getBytes(StandardCharsets.UTF_8);
        return put(inExif, tag, TiffEntry.ASCII, b.length, b);
    }

    public TiffWriter shorts(boolean inExif, int tag, int... values) {
        ByteBuffer b = le(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        return put(inExif, tag, TiffEntry.SHORT, values.length, b.array());
    }

    public TiffWriter longs(boolean inExif, int tag, long... values) {
        ByteBuffer b = le(values.length * 4);
        for (long v : values) {
            b.putInt((int) v);
        }
        return put(inExif, tag, TiffEntry.LONG, values.length, b.array());
    }

    public TiffWriter bytes(boolean inExif, int tag, int type, byte... values) {
        return put(inExif, tag, type, values.length, values);
    }

    /** Unsigned rationals with the given denominator. */
    public TiffWriter rationals(boolean inExif, int tag, long denominator, double... values) {
        ByteBuffer b = le(values.length * 8);
        for (double v : values) {
            b.putInt((int) Math.round(v * denominator)).putInt((int) denominator);
        }
        return put(inExif, tag, TiffEntry.RATIONAL, values.length, b.array());
    }

    public TiffWriter srationals(boolean inExif, int tag, long denominator, double... values) {
        ByteBuffer b = le(values.length * 8);
        for (double v : values) {
            b.putInt((int) Math.round(v * denominator)).putInt((int) denominator);
        }
        return put(inExif, tag, TiffEntry.SRATIONAL, values.length, b.array());
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static int ifdSize(int entries) {
        return 2 + 12 * entries + 4;
    }

    /**
     * Lays out the header; StripOffsets is set to the first byte after it.
     *
     * @param stripBytes size of the one strip of pixel data that follows the header
     */
    public byte[] header(long stripBytes) {
        longs(false, TiffTags.STRIP_BYTE_COUNTS, stripBytes);
        longs(false, TiffTags.STRIP_OFFSETS, 0);
        if (!exif.isEmpty()) {
            longs(false, TiffTags.EXIF_IFD, 0);
        }
        int ifd0At = 8;
        int exifAt = ifd0At + ifdSize(ifd0.size());
        int dataAt = exifAt + (exif.isEmpty() ? 0 : ifdSize(exif.size()));
        int dataSize = overflowSize(ifd0) + overflowSize(exif);
        long pixelsAt = dataAt + dataSize;
        pixelsAt += pixelsAt & 1;
        longs(false, TiffTags.STRIP_OFFSETS, pixelsAt);
        if (!exif.isEmpty()) {
            longs(false, TiffTags.EXIF_IFD, exifAt);
        }
        ByteBuffer out = le((int) pixelsAt);
        out.put(new byte[] {'I', 'I', 42, 0}).putInt(ifd0At);
        int[] cursor = {dataAt};
        writeIfd(out, ifd0At, ifd0, ifd0Types, ifd0Counts, cursor);
        if (!exif.isEmpty()) {
            writeIfd(out, exifAt, exif, exifTypes, exifCounts, cursor);
        }
        return out.array();
    }

    private static int overflowSize(TreeMap<Integer, byte[]> ifd) {
        int n = 0;
        for (byte[] v : ifd.values()) {
            if (v.length > 4) {
                n += v.length + (v.length & 1);
            }
        }
        return n;
    }

    private static void writeIfd(ByteBuffer out, int at, TreeMap<Integer, byte[]> values, TreeMap<Integer, Integer> types,
                                 TreeMap<Integer, Long> counts, int[] cursor) {
        out.position(at);
        out.putShort((short) values.size());
        List<Integer> tags = new ArrayList<>(values.keySet());
        tags.sort(Comparator.naturalOrder());
        for (int tag : tags) {
            byte[] v = values.get(tag);
            out.putShort((short) tag).putShort(types.get(tag).shortValue()).putInt(counts.get(tag).intValue());
            if (v.length <= 4) {
                byte[] padded = java.util.Arrays.copyOf(v, 4);
                out.put(padded);
            } else {
                out.putInt(cursor[0]);
                int save = out.position();
                out.position(cursor[0]);
                out.put(v);
                cursor[0] += v.length + (v.length & 1);
                out.position(save);
            }
        }
        out.putInt(0);
    }

    /** Helper for callers that build the whole file in memory. */
    public static byte[] concat(byte[] header, byte[] pixels) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(header.length + pixels.length);
        o.writeBytes(header);
        o.writeBytes(pixels);
        return o.toByteArray();
    }
}
