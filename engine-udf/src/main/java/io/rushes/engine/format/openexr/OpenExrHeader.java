package io.rushes.engine.format.openexr;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The header of an OpenEXR file (single- or multi-part, scanline or tiled): magic, version and flags, then
 * the first part's attributes as (name, type name, size, value), ending at an empty name. Values stay as
 * bytes, decoded by type on demand. For a multi-part file the remaining part headers are counted.
 */
public final class OpenExrHeader {
    static final int MAGIC = 20000630;
    private static final int TILED = 0x200;
    private static final int LONG_NAMES = 0x400;
    private static final int MULTI_PART = 0x1000;
    private static final int MAX_ATTRIBUTES = 1024;
    private static final int MAX_PARTS = 4096;
    private static final long MAX_ATTRIBUTE_BYTES = 16L << 20;

    /** One attribute: its type name and raw little-endian value. */
    public record Attribute(String type, byte[] value) {
    }

    public int version;
    public boolean tiled;
    public boolean multiPart;
    public int parts = 1;
    public final Map<String, Attribute> attributes = new LinkedHashMap<>();

    public static OpenExrHeader read(BinaryReader container) {
        BinaryReader in = container.view(ByteOrder.LITTLE_ENDIAN);
        if (in.u32(0) != MAGIC) {
            throw Errors.corrupt(in.name(), 0, "no OpenEXR magic number");
        }
        OpenExrHeader h = new OpenExrHeader();
        long versionField = in.u32(4);
        h.version = (int) (versionField & 0xFF);
        h.tiled = (versionField & TILED) != 0;
        h.multiPart = (versionField & MULTI_PART) != 0;
        int maxName = (versionField & LONG_NAMES) != 0 ? 256 : 32;
        long at = readAttributes(in, 8, maxName, h.attributes);
        if (h.multiPart) {
            Map<String, Attribute> ignored = new LinkedHashMap<>();
            while (at < in.size() && in.u8(at) != 0) {
                if (++h.parts > MAX_PARTS) {
                    throw Errors.limitExceeded(in.name(), at, "the number of parts", h.parts, MAX_PARTS);
                }
                at = readAttributes(in, at, maxName, ignored);
            }
        }
        if (!h.attributes.containsKey("dataWindow") || !h.attributes.containsKey("channels")) {
            throw Errors.corrupt(in.name(), 8, "the header lacks the required dataWindow or channels attribute");
        }
        return h;
    }

    /** Reads one header's attributes into {@code into}; returns the offset after its terminating NUL. */
    private static long readAttributes(BinaryReader in, long at, int maxName, Map<String, Attribute> into) {
        for (int count = 0; ; count++) {
            if (count > MAX_ATTRIBUTES) {
                throw Errors.limitExceeded(in.name(), at, "the number of header attributes", count, MAX_ATTRIBUTES);
            }
            String name = zeroTerminated(in, at, maxName, "an attribute name");
            at += name.length() + 1;
            if (name.isEmpty()) {
                return at;
            }
            String type = zeroTerminated(in, at, maxName, "the type of attribute " + name);
            at += type.length() + 1;
            long size = in.u32(at);
            if (size > MAX_ATTRIBUTE_BYTES) {
                throw Errors.limitExceeded(in.name(), at, "the size of attribute " + name, size, MAX_ATTRIBUTE_BYTES);
            }
            into.putIfAbsent(name, new Attribute(type, in.bytes(at + 4, size, "the value of attribute " + name)));
            at += 4 + size;
        }
    }

    private static String zeroTerminated(BinaryReader in, long at, int max, String what) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < max; i++) {
            int c = in.u8(at + i);
            if (c == 0) {
                return sb.toString();
            }
            sb.append((char) c);
        }
        throw Errors.corrupt(in.name(), at, what + " is longer than " + (max - 1) + " characters");
    }
}
