package io.rushes.engine.format.raf;

import io.rushes.engine.error.Errors;
import io.rushes.engine.format.tiff.JpegExif;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Fujifilm RAF: a fixed big-endian header (magic, camera name, version, then offsets of the preview JPEG
 * and of the raw directory), the EXIF inside the preview JPEG, and the RAF directory of (tag, length, data)
 * records with the sensor geometry and white balance.
 */
public record RafHeader(String cameraName, String version, TiffStructure exif, Map<Integer, byte[]> directory) {
    static final String MAGIC = "FUJIFILMCCD-RAW ";
    private static final int MAX_RECORDS = 4096;

    public static RafHeader read(BinaryReader in) {
        in.order(ByteOrder.BIG_ENDIAN);
        if (!in.ascii(0, 16).equals(MAGIC.strip())) {
            throw Errors.corrupt(in.name(), 0, "no FUJIFILMCCD-RAW magic");
        }
        String name = in.ascii(0x1c, 32);
        String version = in.ascii(0x3c, 4);
        long jpegOffset = in.u32(0x54);
        long jpegLength = in.u32(0x58);
        long dirOffset = in.u32(0x5c);
        long dirLength = in.u32(0x60);
        TiffStructure exif = null;
        long tiff = JpegExif.tiffOffset(in, jpegOffset, jpegOffset + jpegLength);
        if (tiff > 0) {
            exif = TiffStructure.read(in, tiff);
        }
        Map<Integer, byte[]> dir = new LinkedHashMap<>();
        if (dirOffset > 0 && dirLength >= 4) {
            in.require(dirOffset, dirLength, "the RAF directory");
            long count = in.u32(dirOffset);
            if (count > MAX_RECORDS) {
                throw Errors.limitExceeded(in.name(), dirOffset, "the RAF directory record count", count, MAX_RECORDS);
            }
            long at = dirOffset + 4;
            long end = dirOffset + dirLength;
            for (long i = 0; i < count && at + 4 <= end; i++) {
                int tag = in.u16(at);
                int length = in.u16(at + 2);
                if (at + 4 + length > end) {
                    throw Errors.corrupt(in.name(), at, "RAF directory record 0x" + Integer.toHexString(tag) + " runs past the directory");
                }
                dir.put(tag, in.bytes(at + 4, length, "a RAF directory record"));
                at += 4 + length;
            }
        }
        if (exif == null && dir.isEmpty()) {
            throw Errors.corrupt(in.name(), 0x54, "neither the preview JPEG's EXIF nor the RAF directory could be found");
        }
        return new RafHeader(name, version, exif, dir);
    }
}
