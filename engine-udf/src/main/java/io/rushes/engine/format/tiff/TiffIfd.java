package io.rushes.engine.format.tiff;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** One image file directory, with typed, bounded accessors for its values. */
public final class TiffIfd {
    /** Largest value array read through the typed accessors; longer arrays are not header data. */
    public static final int MAX_VALUES = 1 << 16;

    private final String name;
    private final long offset;
    private final BinaryReader in;
    private final Map<Integer, TiffEntry> entries = new LinkedHashMap<>();
    private long nextOffset;

    TiffIfd(String name, long offset, BinaryReader in) {
        this.name = name;
        this.offset = offset;
        this.in = in;
    }

    void add(TiffEntry e) {
        entries.putIfAbsent(e.tag(), e);
    }

    void nextOffset(long next) {
        this.nextOffset = next;
    }

    /** Offset of the next directory in this chain, 0 at its end. */
    public long nextOffset() {
        return nextOffset;
    }

    public String name() {
        return name;
    }

    public long offset() {
        return offset;
    }

    public Collection<TiffEntry> entries() {
        return entries.values();
    }

    public boolean has(int tag) {
        return entries.containsKey(tag);
    }

    public TiffEntry entry(int tag) {
        return entries.get(tag);
    }

    /** ASCII value, or null when absent or not text. */
    public String string(int tag) {
        TiffEntry e = entries.get(tag);
        if (e == null || (e.type() != TiffEntry.ASCII && e.type() != TiffEntry.UNDEFINED && e.type() != TiffEntry.BYTE)) {
            return null;
        }
        byte[] raw = in.bytes(e.valueOffset(), Math.min(e.count(), MAX_VALUES), "the text of tag " + tag);
        String s = BinaryReader.text(raw, StandardCharsets.UTF_8);
        return s.isEmpty() ? null : s;
    }

    public byte[] bytes(int tag) {
        TiffEntry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        return in.bytes(e.valueOffset(), boundedCount(e, e.byteLength()), "the value of tag " + tag);
    }

    /** The bytes of a tag whose value may be larger than {@link #MAX_VALUES} (a DNG opcode list), up to {@code max}. */
    public byte[] bytes(int tag, long max) {
        TiffEntry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        if (e.byteLength() > max) {
            throw Errors.limitExceeded(in.name(), e.valueOffset(), "the size of tag " + e.tag() + " in " + name, e.byteLength(), max);
        }
        return in.bytes(e.valueOffset(), e.byteLength(), "the value of tag " + tag);
    }

    /** All values of a numeric tag as doubles (rationals divided out), or null. */
    public double[] numbers(int tag) {
        TiffEntry e = entries.get(tag);
        if (e == null || !e.numeric()) {
            return null;
        }
        int n = (int) boundedCount(e, e.count());
        int size = TiffEntry.typeSize(e.type());
        in.require(e.valueOffset(), (long) n * size, "the values of tag " + tag);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = value(e.type(), e.valueOffset() + (long) i * size);
        }
        return out;
    }

    public Double number(int tag) {
        double[] v = numbers(tag);
        return v == null || v.length == 0 ? null : v[0];
    }

    public Long unsigned(int tag) {
        Double d = number(tag);
        return d == null ? null : d.longValue();
    }

    private long boundedCount(TiffEntry e, long count) {
        if (count > MAX_VALUES) {
            throw Errors.limitExceeded(in.name(), e.valueOffset(), "the value count of tag " + e.tag() + " in " + name, count, MAX_VALUES);
        }
        return count;
    }

    private double value(int type, long at) {
        return switch (type) {
            case TiffEntry.BYTE, TiffEntry.UNDEFINED -> in.u8(at);
            case TiffEntry.SBYTE -> (byte) in.u8(at);
            case TiffEntry.SHORT -> in.u16(at);
            case TiffEntry.SSHORT -> (short) in.u16(at);
            case TiffEntry.LONG, TiffEntry.IFD -> in.u32(at);
            case TiffEntry.SLONG -> in.i32(at);
            case TiffEntry.RATIONAL -> ratio(in.u32(at), in.u32(at + 4));
            case TiffEntry.SRATIONAL -> ratio(in.i32(at), in.i32(at + 4));
            case TiffEntry.FLOAT -> in.f32(at);
            case TiffEntry.DOUBLE -> in.f64(at);
            default -> Double.NaN;
        };
    }

    private static double ratio(double num, double den) {
        return den == 0 ? Double.NaN : num / den;
    }

    /** A short printable rendering of an entry for the raw metadata map. */
    public String render(TiffEntry e) {
        if (e.type() == TiffEntry.ASCII) {
            return e.count() > 2048 ? "(text, " + e.count() + " bytes)" : string(e.tag());
        }
        if (!e.numeric() || e.count() > 64) {
            return "(binary, " + e.byteLength() + " bytes)";
        }
        double[] v = numbers(e.tag());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            double d = v[i];
            sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
        }
        return sb.toString();
    }
}
