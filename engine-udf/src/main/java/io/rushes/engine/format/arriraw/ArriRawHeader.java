package io.rushes.engine.format.arriraw;

import io.rushes.engine.error.Errors;
import io.rushes.engine.io.BinaryReader;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The public part of an ARRIRAW (.ari) frame header, little-endian, at the offsets dcraw, LibRaw and RawSpeed read and
 * SMPTE RDD 30's opening table names: "ARRI" magic, header size (4096) at 8 and header version (3) at 12, image width
 * and height at 20 and 24, the image data size at 72, the camera's white-balance gains (red, green, blue float32) at
 * 100, camera model at 668, software at 760; 12-bit Bayer data from byte 4096. ARRI's full header (lens, exposure,
 * timecode, the colour temperature in kelvin) is documented only to ARRI's SDK licensees, so Rushes reads just these.
 *
 * @param headerSize the header's length (4096 in every uncompressed ARRIRAW frame)
 * @param headerVersion 3 in uncompressed ARRIRAW; another value is a later layout (ARRIRAW HDE)
 * @param dataSize the image data's length in bytes as the header states it (0 when not stated)
 * @param whiteBalance the gains the camera's white balance asks for, red, green, blue (green 1); not applied to the data
 */
public record ArriRawHeader(long width, long height, String model, String software, long headerSize, long headerVersion, long dataSize,
                            float[] whiteBalance) {
    static final int DATA_OFFSET = 4096;
    static final int HEADER_SIZE_AT = 8;
    static final int WIDTH_AT = 20;
    static final int DATA_SIZE_AT = 72;
    static final int WHITE_BALANCE_AT = 100;

    public static ArriRawHeader read(BinaryReader container) {
        BinaryReader in = container.view(ByteOrder.LITTLE_ENDIAN);
        if (!in.ascii(0, 4).equals("ARRI")) {
            throw Errors.corrupt(in.name(), 0, "no ARRI magic");
        }
        in.require(0, DATA_OFFSET, "the 4096-byte ARRIRAW header");
        String software = in.u8(760) == 0xFF ? "" : in.ascii(760, 64);
        float[] gains = {in.f32(WHITE_BALANCE_AT), in.f32(WHITE_BALANCE_AT + 4), in.f32(WHITE_BALANCE_AT + 8)};
        return new ArriRawHeader(in.u32(WIDTH_AT), in.u32(WIDTH_AT + 4), in.ascii(668, 64), software, in.u32(HEADER_SIZE_AT),
                in.u32(HEADER_SIZE_AT + 4), in.u32(DATA_SIZE_AT), gains);
    }

    /**
     * The colour filter pattern (0 R, 1 G, 2 B, 2x2, row by row) at the top-left photosite: GRBG as dcraw reads every
     * ARRIRAW frame, but GBRG for the ALEXA LF and ALEXA 65 sensors, as LibRaw's table of ARRI cameras (fixupArri) has it.
     */
    public byte[] cfa() {
        String camera = model.replace(" ", "").toUpperCase(Locale.ROOT);
        return camera.startsWith("ALEXALF") || camera.startsWith("ALEXA65") ? new byte[] {1, 2, 0, 1} : new byte[] {1, 0, 2, 1};
    }

    /** The pattern as letters (GRBG, GBRG). */
    public String cfaName() {
        StringBuilder b = new StringBuilder();
        for (byte c : cfa()) {
            b.append("RGB".charAt(c));
        }
        return b.toString();
    }
}
