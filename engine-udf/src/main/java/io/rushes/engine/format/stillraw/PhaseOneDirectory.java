package io.rushes.engine.format.stillraw;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Phase One / Leaf IIQ maker directory that follows the TIFF header at byte 8 ("IIII", "RawC"): 16-byte
 * entries of tag, type (1 text, 2 bytes, 4 numbers), length and a value or an offset from byte 8. Text
 * values only: the camera back's serial number (0x102), lens (0x412) and firmware (0x301).
 */
final class PhaseOneDirectory {
    static final int SERIAL_NUMBER = 0x102;
    static final int FIRMWARE = 0x301;
    static final int LENS_MODEL = 0x412;
    private static final long BASE = 8;
    private static final long MAX_ENTRIES = 4096;
    private static final int MAX_TEXT = 4096;

    private PhaseOneDirectory() {
    }

    static boolean present(BinaryReader in) {
        return in.size() >= BASE + 12 && in.u32(BASE) == 0x49494949L && in.view(ByteOrder.LITTLE_ENDIAN).u32(BASE + 4) >> 8 == 0x526177L;
    }

    /** Text entries by tag. */
    static Map<Integer, String> texts(BinaryReader container) {
        BinaryReader in = container.view(ByteOrder.LITTLE_ENDIAN);
        long dir = BASE + in.u32(BASE + 8);
        long count = in.u32(dir);
        if (count > MAX_ENTRIES) {
            throw Errors.limitExceeded(in.name(), dir, "the Phase One directory entry count", count, MAX_ENTRIES);
        }
        Map<Integer, String> out = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            long e = dir + 8 + i * 16;
            int tag = (int) in.u32(e);
            long type = in.u32(e + 4);
            long length = in.u32(e + 8);
            if (type == 1 && length > 4 && length <= MAX_TEXT) {
                out.put(tag, in.ascii(BASE + in.u32(e + 12), (int) length));
            }
        }
        return out;
    }
}
