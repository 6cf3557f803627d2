package io.rushes.engine.format.arriraw;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;

/**
 * The public part of an ARRIRAW (.ari) frame header, as dcraw and LibRaw read it: little-endian, "ARRI"
 * magic, image width and height at 20 and 24, camera model at 668, software at 760, 12-bit packed Bayer
 * data from byte 4096. ARRI's full header (lens, exposure, timecode) is documented only under NDA to ARRI's
 * SDK licensees, so Rushes reports just these fields.
 */
public record ArriRawHeader(long width, long height, String model, String software) {
    static final int DATA_OFFSET = 4096;

    public static ArriRawHeader read(BinaryReader container) {
        BinaryReader in = container.view(ByteOrder.LITTLE_ENDIAN);
        if (!in.ascii(0, 4).equals("ARRI")) {
            throw Errors.corrupt(in.name(), 0, "no ARRI magic");
        }
        in.require(0, DATA_OFFSET, "the 4096-byte ARRIRAW header");
        String software = in.u8(760) == 0xFF ? "" : in.ascii(760, 64);
        return new ArriRawHeader(in.u32(20), in.u32(24), in.ascii(668, 64), software);
    }
}
