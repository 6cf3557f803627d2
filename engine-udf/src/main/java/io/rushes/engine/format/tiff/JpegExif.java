package io.rushes.engine.format.tiff;

import io.rushes.engine.io.BinaryReader;

/** Finds the EXIF TIFF block (APP1 "Exif\0\0") of a JPEG embedded in a camera file, reading only its markers. */
public final class JpegExif {
    private static final int MAX_MARKERS = 64;

    private JpegExif() {
    }

    /** Offset of the TIFF header inside the JPEG at {@code [start, end)}, or -1 when it has no EXIF. */
    public static long tiffOffset(BinaryReader in, long start, long end) {
        end = Math.min(end, in.size());
        if (start < 0 || start + 4 > end || in.u8(start) != 0xFF || in.u8(start + 1) != 0xD8) {
            return -1;
        }
        long at = start + 2;
        for (int i = 0; i < MAX_MARKERS && at + 4 <= end; i++) {
            if (in.u8(at) != 0xFF) {
                return -1;
            }
            int marker = in.u8(at + 1);
            if (marker == 0xDA || marker == 0xD9) {
                return -1; // image data starts: no EXIF before it
            }
            int length = in.u16(at + 2);
            if (marker == 0xE1 && length >= 16 && at + 4 + 6 <= end && in.ascii(at + 4, 6).equals("Exif")) {
                return at + 10;
            }
            at += 2 + length;
        }
        return -1;
    }
}
