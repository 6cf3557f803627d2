package io.rushes.engine.format.mrw;

import io.rushes.engine.error.Errors;
import io.rushes.engine.format.tiff.TiffStructure;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;

/**
 * A Minolta / Konica Minolta MRW: a big-endian "\0MRM" block holding sub-blocks: PRD (sensor and image
 * size, bit depth), TTW (a TIFF with the EXIF), WBG (white balance) and RIF (settings).
 */
public record MrwHeader(int sensorWidth, int sensorHeight, int imageWidth, int imageHeight, int bitDepth, TiffStructure exif) {
    private static final int MAX_BLOCKS = 64;

    public static MrwHeader read(BinaryReader in) {
        in.order(ByteOrder.BIG_ENDIAN);
        if (in.u32(0) != 0x004D524DL) {
            throw Errors.corrupt(in.name(), 0, "no \\0MRM magic");
        }
        long end = Math.min(in.size(), 8 + in.u32(4));
        long at = 8;
        int sw = 0;
        int sh = 0;
        int iw = 0;
        int ih = 0;
        int depth = 0;
        TiffStructure exif = null;
        for (int i = 0; i < MAX_BLOCKS && at + 8 <= end; i++) {
            String type = in.ascii(at + 1, 3);
            long length = in.u32(at + 4);
            long body = at + 8;
            in.require(body, length, "the MRW " + type + " block");
            if (type.equals("PRD") && length >= 16) {
                sh = in.u16(body + 8);
                sw = in.u16(body + 10);
                ih = in.u16(body + 12);
                iw = in.u16(body + 14);
                depth = length >= 17 ? in.u8(body + 16) : 0;
            } else if (type.equals("TTW") && length >= 8) {
                exif = TiffStructure.read(in, body);
            }
            at = body + length;
        }
        if (exif == null && iw == 0) {
            throw Errors.corrupt(in.name(), 8, "neither a PRD nor a TTW block was found");
        }
        return new MrwHeader(sw, sh, iw, ih, depth, exif);
    }
}
