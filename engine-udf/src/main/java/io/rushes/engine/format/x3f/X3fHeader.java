package io.rushes.engine.format.x3f;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Sigma X3F (Foveon) raw: a little-endian "FOVb" header (version, image unique id, columns, rows,
 * rotation), and a section directory at the offset in the file's last four bytes listing the image,
 * CAMF and PROP sections. PROP holds the camera's name/value properties as UTF-16 strings.
 */
public record X3fHeader(int majorVersion, int minorVersion, long columns, long rows, long rotation, Map<String, String> properties) {
    private static final int MAX_SECTIONS = 256;
    private static final long MAX_PROPERTIES = 4096;
    private static final long MAX_PROPERTY_CHARS = 1 << 20;

    public static X3fHeader read(BinaryReader in) {
        in.order(ByteOrder.LITTLE_ENDIAN);
        if (!in.ascii(0, 4).equals("FOVb")) {
            throw Errors.corrupt(in.name(), 0, "no FOVb magic");
        }
        int minor = in.u16(4);
        int major = in.u16(6);
        long columns = in.u32(0x1c);
        long rows = in.u32(0x20);
        long rotation = in.u32(0x24);
        Map<String, String> props = new LinkedHashMap<>();
        long dir = in.u32(in.size() - 4);
        in.require(dir, 12, "the X3F section directory");
        if (!in.ascii(dir, 4).equals("SECd")) {
            throw Errors.corrupt(in.name(), dir, "the section directory does not start with SECd");
        }
        long count = in.u32(dir + 8);
        if (count > MAX_SECTIONS) {
            throw Errors.limitExceeded(in.name(), dir + 8, "the X3F section count", count, MAX_SECTIONS);
        }
        for (long i = 0; i < count; i++) {
            long e = dir + 12 + i * 12;
            long offset = in.u32(e);
            long length = in.u32(e + 4);
            if (in.ascii(e + 8, 4).equals("PROP")) {
                in.require(offset, length, "the X3F property section");
                properties(in, offset, props);
            }
        }
        return new X3fHeader(major, minor, columns, rows, rotation, props);
    }

    /** SECp: version, count, character format (0 = UTF-16), reserved, total characters, then offset pairs and the text. */
    private static void properties(BinaryReader in, long at, Map<String, String> out) {
        if (!in.ascii(at, 4).equals("SECp")) {
            throw Errors.corrupt(in.name(), at, "the property section does not start with SECp");
        }
        long count = in.u32(at + 8);
        long format = in.u32(at + 12);
        long chars = in.u32(at + 20);
        if (count > MAX_PROPERTIES || chars > MAX_PROPERTY_CHARS) {
            throw Errors.limitExceeded(in.name(), at + 8, "the X3F property table", Math.max(count, chars), MAX_PROPERTIES);
        }
        if (format != 0) {
            throw Errors.unsupportedFeature(in.name(), at + 12, "X3F property character format " + format, "Only UTF-16 properties are defined");
        }
        long table = at + 24;
        long text = table + count * 8;
        byte[] data = in.bytes(text, chars * 2, "the X3F property text");
        for (long i = 0; i < count; i++) {
            long name = in.u32(table + i * 8);
            long value = in.u32(table + i * 8 + 4);
            if (name < chars && value < chars) {
                out.put(utf16(data, (int) name), utf16(data, (int) value));
            }
        }
    }

    private static String utf16(byte[] data, int charIndex) {
        int start = charIndex * 2;
        int end = start;
        while (end + 1 < data.length && (data[end] != 0 || data[end + 1] != 0)) {
            end += 2;
        }
        return new String(data, start, end - start, StandardCharsets.UTF_16LE).strip();
    }
}
