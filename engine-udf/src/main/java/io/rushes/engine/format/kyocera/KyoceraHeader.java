package io.rushes.engine.format.kyocera;

import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;

/**
 * The fixed 156-byte big-endian header of a Kyocera / Contax N Digital raw (layout as documented by
 * ExifTool and dcraw). Its text fields are stored with their characters reversed.
 */
public record KyoceraHeader(String firmware, String model, String make, String dateTime, long isoCode, long exposureCode,
                            long apertureCode, long focalLength, String lens) {
    static final int SIZE = 156;
    static final int MAKE_AT = 0x19;

    public static KyoceraHeader read(BinaryReader in) {
        in.order(ByteOrder.BIG_ENDIAN);
        in.require(0, SIZE, "the Kyocera raw header");
        return new KyoceraHeader(reversed(in, 0x01, 10), reversed(in, 0x0c, 12), reversed(in, MAKE_AT, 7), reversed(in, 0x21, 20),
                in.u32(0x34), in.u32(0x38), in.u32(0x58), in.u32(0x70), in.ascii(0x7c, 32));
    }

    private static String reversed(BinaryReader in, long at, int length) {
        byte[] b = in.bytes(at, length, "a text field");
        StringBuilder sb = new StringBuilder();
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] != 0) {
                sb.append((char) (b[i] & 0xFF));
            }
        }
        return sb.toString().strip();
    }
}
