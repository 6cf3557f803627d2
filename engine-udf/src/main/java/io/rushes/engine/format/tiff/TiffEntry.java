package io.rushes.engine.format.tiff;

/**
 * One IFD entry: where its value lies in the file. Values are read lazily, so a 3,000-entry
 * StripOffsets array costs nothing unless asked for.
 *
 * @param valueOffset absolute file offset of the value (inside the entry itself when it fits in 4 bytes)
 */
public record TiffEntry(int tag, int type, long count, long valueOffset) {
    public static final int BYTE = 1, ASCII = 2, SHORT = 3, LONG = 4, RATIONAL = 5, SBYTE = 6, UNDEFINED = 7,
            SSHORT = 8, SLONG = 9, SRATIONAL = 10, FLOAT = 11, DOUBLE = 12, IFD = 13;

    /** Size in bytes of one value of a TIFF type, 0 for an unknown type. */
    public static int typeSize(int type) {
        return switch (type) {
            case BYTE, ASCII, SBYTE, UNDEFINED -> 1;
            case SHORT, SSHORT -> 2;
            case LONG, SLONG, FLOAT, IFD -> 4;
            case RATIONAL, SRATIONAL, DOUBLE -> 8;
            default -> 0;
        };
    }

    public long byteLength() {
        return count * typeSize(type);
    }

    public boolean numeric() {
        return type != ASCII && type != UNDEFINED && typeSize(type) > 0;
    }
}
