package io.rushes.engine.format.r3d;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first block of a REDCODE R3D file (layout as documented by ExifTool's Red module): a big-endian
 * block of size and type {@code RED1}/{@code RED2}, image size and frame rate at fixed offsets, then a
 * directory of (length, tag, value) entries whose tag's top four bits give the value type.
 */
public final class R3dHeader {
    /** A RED2 directory is a few hundred bytes; anything above this is not one. */
    private static final int MAX_DIRECTORY = 64 * 1024;

    public int version;
    public long width;
    public long height;
    public double frameRate;
    /** Directory values by tag, decoded by their type code: String, Double, Long or int[]. */
    public final Map<Integer, Object> tags = new LinkedHashMap<>();

    public static R3dHeader read(BinaryReader in) {
        in.order(ByteOrder.BIG_ENDIAN);
        long blockSize = in.u32(0);
        String type = in.ascii(4, 4);
        if (!type.equals("RED1") && !type.equals("RED2")) {
            throw Errors.corrupt(in.name(), 4, "block type '" + type + "' is not RED1 or RED2");
        }
        if (blockSize < 0x44) {
            throw Errors.corrupt(in.name(), 0, "the header block is only " + blockSize + " bytes");
        }
        in.require(0, blockSize, "the end of the R3D header block");
        R3dHeader h = new R3dHeader();
        h.version = type.charAt(3) - '0';
        long dirStart;
        long dirEnd;
        if (h.version == 1) {
            h.width = in.u16(0x36);
            h.height = in.u16(0x3a);
            long num = in.u32(0x3e);
            long den = in.u32(0x42);
            h.frameRate = den == 0 ? 0 : (double) num / den;
            // A RED1 file keeps its directory in the second block.
            long second = blockSize;
            dirStart = second + 0x22;
            dirEnd = Math.min(in.size(), dirStart + MAX_DIRECTORY);
        } else {
            int records = in.u8(0x40);
            h.width = in.u32(0x4c);
            h.height = in.u32(0x50);
            int denominator = in.u16(0x56);
            long numerator = ((long) in.u16(0x58) << 16) | in.u16(0x5a);
            h.frameRate = denominator == 0 ? 0 : (double) numerator / denominator;
            long at = 0x44 + records * 0x18L;
            int dirLength = in.u16(at);
            dirStart = at + 2;
            dirEnd = dirStart + dirLength;
            if (dirEnd > blockSize) {
                throw Errors.corrupt(in.name(), at, "the metadata directory (" + dirLength + " bytes) runs past its block");
            }
        }
        h.readDirectory(in, dirStart, dirEnd);
        return h;
    }

    private void readDirectory(BinaryReader in, long at, long end) {
        while (at + 4 <= end && at + 4 <= in.size()) {
            int len = in.u16(at);
            int tag = in.u16(at + 2);
            if (len < 4 || at + len > end || at + len > in.size()) {
                break; // end of directory (RED1 blocks carry no length for it)
            }
            Object value = value(in, tag >> 12, at + 4, len - 4);
            if (value != null) {
                tags.put(tag, value);
            }
            at += len;
        }
    }

    private static Object value(BinaryReader in, int type, long at, int len) {
        return switch (type) {
            case 1 -> in.ascii(at, len);
            case 2 -> len >= 4 ? (double) in.f32(at) : null;
            case 4 -> len >= 2 ? (long) in.u16(at) : null;
            case 6 -> len >= 4 ? (long) in.i32(at) : null;
            case 8 -> len >= 4 ? in.u32(at) : null;
            default -> null;
        };
    }

    public String string(int tag) {
        return tags.get(tag) instanceof String s && !s.isBlank() ? s : null;
    }

    public Double number(int tag) {
        Object v = tags.get(tag);
        return v instanceof Number n ? n.doubleValue() : null;
    }
}
