package io.rushes.engine.format.dpx;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;

/**
 * The fixed 2048-byte header of a DPX frame (SMPTE ST 268): file, image, orientation, film and television
 * sections at fixed offsets, in the byte order its magic names ("SDPX" big-endian, "XPDS" little).
 * Fields the writer left undefined (all bits set) read as null.
 */
public record DpxHeader(String version, String fileName, String created, String creator, String project, int orientation, long width,
                        long height, int descriptor, int transfer, int colorimetric, int bitDepth, String inputDevice,
                        String inputSerial, Long aspectH, Long aspectV, Float filmFrameRate, Float shutterAngle, String frameId,
                        String slate, Long timecode, Float tvFrameRate) {
    static final int HEADER_SIZE = 2048;

    public static DpxHeader read(BinaryReader container) {
        String magic = container.ascii(0, 4);
        BinaryReader in;
        if (magic.equals("SDPX")) {
            in = container.view(ByteOrder.BIG_ENDIAN);
        } else if (magic.equals("XPDS")) {
            in = container.view(ByteOrder.LITTLE_ENDIAN);
        } else {
            throw Errors.corrupt(container.name(), 0, "no DPX magic (SDPX or XPDS)");
        }
        in.require(0, HEADER_SIZE, "the 2048-byte DPX header");
        return new DpxHeader(in.ascii(8, 8), in.ascii(36, 100), in.ascii(136, 24), in.ascii(160, 100), in.ascii(260, 200),
                in.u16(768), in.u32(772), in.u32(776), in.u8(800), in.u8(801), in.u8(802), in.u8(803),
                in.ascii(1556, 32), in.ascii(1588, 32), u32(in, 1628), u32(in, 1632), f32(in, 1724), f32(in, 1728),
                in.ascii(1732, 32), in.ascii(1764, 100), u32(in, 1920), f32(in, 1940));
    }

    private static Long u32(BinaryReader in, long at) {
        long v = in.u32(at);
        return v == 0xFFFFFFFFL ? null : v;
    }

    private static Float f32(BinaryReader in, long at) {
        float f = in.f32(at);
        return Float.isNaN(f) || Float.isInfinite(f) || f <= 0 ? null : f;
    }
}
