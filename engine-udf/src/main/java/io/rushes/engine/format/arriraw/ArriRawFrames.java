package io.rushes.engine.format.arriraw;

import io.rushes.engine.error.Errors;
import io.rushes.engine.format.FrameDecoder;
import io.rushes.engine.format.FrameReader;
import io.rushes.engine.format.SourceFrame;
import io.rushes.engine.format.StillFrame;
import io.rushes.engine.image.ImageLimits;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.Region;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.ByteSource;
import java.util.Set;

/**
 * Uncompressed ARRIRAW frames (.ari: ALEXA, ALEXA Mini, ALEXA LF, ALEXA 65), decoded as dcraw and LibRaw decode them
 * (their {@code packed_load_raw} with load_flags 88): the data is a run of little-endian 32-bit words read as one
 * most-significant-bit-first stream of 12-bit values, with every two neighbouring photosites of a row stored in swapped
 * order; rows follow each other without padding. The values are the camera's 12-bit codes as stored, black 0 and white
 * 4095 as dcraw takes them. ARRI describes these codes as "12 bit log" (SMPTE RDD 30 holds the curve, which is not
 * public): like dcraw and LibRaw, Rushes develops them as they are.
 */
public final class ArriRawFrames implements FrameDecoder {
    static final int BITS = 12;
    static final int WHITE = (1 << BITS) - 1;
    private static final int HEADER_VERSION = 3;
    /** Rows are read in blocks of about this many bytes (below BinaryReader's largest block). */
    private static final int BLOCK_BYTES = 4 << 20;
    /** No white balance a camera sets asks for a gain outside this range on any channel. */
    private static final float MAX_GAIN = 64;

    @Override
    public Set<String> formats() {
        return Set.of("arriraw");
    }

    @Override
    public FrameReader open(ByteSource source) {
        BinaryReader in = BinaryReader.open(source);
        ArriRawHeader header = ArriRawHeader.read(in);
        check(header, in);
        return new Reader(in, header);
    }

    /** Bytes of 12-bit data a {@code width x height} frame needs: the whole 32-bit words dcraw reads. */
    static long dataBytes(long width, long height) {
        return (width * height * BITS + 31) / 32 * 4;
    }

    private static void check(ArriRawHeader h, BinaryReader in) {
        String name = in.name();
        if (h.headerSize() != ArriRawHeader.DATA_OFFSET || h.headerVersion() != HEADER_VERSION) {
            throw Errors.unsupportedFeature(name, ArriRawHeader.HEADER_SIZE_AT, "ARRIRAW header version " + h.headerVersion() + " of "
                    + h.headerSize() + " bytes (uncompressed ARRIRAW has version 3 of 4096 bytes; this is a later layout such as "
                    + "ARRIRAW HDE)", hdeFix());
        }
        if (h.width() < 2 || h.height() < 1 || h.width() % 2 != 0) {
            throw Errors.corrupt(name, ArriRawHeader.WIDTH_AT, "image size " + h.width() + "x" + h.height()
                    + " is not a camera's (ARRIRAW frames are at least 2 photosites wide, in pairs)");
        }
        ImageLimits.checkDeclared(name, ArriRawHeader.WIDTH_AT, "the ARRIRAW image", h.width(), h.height());
        long need = dataBytes(h.width(), h.height());
        if (h.dataSize() != 0 && h.dataSize() < need) {
            throw Errors.unsupportedFeature(name, ArriRawHeader.DATA_SIZE_AT, "compressed ARRIRAW (" + h.dataSize() + " bytes of data for "
                    + h.width() + "x" + h.height() + " photosites, which take " + need + " bytes uncompressed: ARRIRAW HDE)", hdeFix());
        }
        float[] g = h.whiteBalance();
        for (float gain : g) {
            if (!(gain >= 1 / MAX_GAIN && gain <= MAX_GAIN)) {
                throw Errors.corrupt(name, ArriRawHeader.WHITE_BALANCE_AT, "the white-balance gains " + g[0] + ", " + g[1] + ", " + g[2]
                        + " are not all between 1/64 and 64");
            }
        }
        long end = ArriRawHeader.DATA_OFFSET + need;
        if (in.size() < end) {
            throw Errors.truncated(name, in.size(), "the " + need + " bytes of 12-bit data of its " + h.width() + "x" + h.height()
                    + " photosites (bytes " + ArriRawHeader.DATA_OFFSET + " to " + end + "; the file has " + in.size() + " bytes)");
        }
    }

    private static String hdeFix() {
        return "ALEXA 35 ARRIRAW HDE needs ARRI's SDK plug-in (see docs/decoder-plugins.md), or export the frames as "
                + "uncompressed ARRIRAW, OpenEXR or DPX with ARRI Reference Tool";
    }

    /** One frame: the rows of a region are read and unpacked, nothing else. */
    private static final class Reader extends StillFrame {
        private final BinaryReader in;
        private final ArriRawHeader header;

        Reader(BinaryReader in, ArriRawHeader header) {
            super(in.name());
            this.in = in;
            this.header = header;
        }

        @Override
        public int width() {
            return (int) header.width();
        }

        @Override
        public int height() {
            return (int) header.height();
        }

        @Override
        protected SourceFrame decode(Region region) {
            Region r = region == null ? new Region(0, 0, width(), height()) : region;
            if (r.x() < 0 || r.y() < 0 || r.width() < 1 || r.height() < 1 || r.x() > width() - r.width() || r.y() > height() - r.height()) {
                throw Errors.invalidArgument("region " + r + " is not inside the " + width() + "x" + height() + " ARRIRAW frame of "
                        + in.name(), "Pass a region inside the image");
            }
            RawImage raw = new RawImage(r.width(), r.height(), unpack(in, width(), r), 2, 2, phase(header.cfa(), r.x(), r.y()),
                    new double[] {0}, 1, 1, WHITE);
            return new SourceFrame.Mosaic(raw, kelvin -> ArriRawColor.of(header, in.name(), kelvin));
        }
    }

    /** The 2x2 pattern seen from photosite (x, y). */
    private static byte[] phase(byte[] cfa, int x, int y) {
        byte[] out = new byte[4];
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 2; col++) {
                out[row * 2 + col] = cfa[((row + y) % 2) * 2 + (col + x) % 2];
            }
        }
        return out;
    }

    /** The photosites of {@code r}, read a block of whole rows at a time. */
    static char[] unpack(BinaryReader in, int width, Region r) {
        char[] out = new char[r.width() * r.height()];
        long rowBytes = (long) width * BITS / 8;
        int rowsPerBlock = (int) Math.max(1, BLOCK_BYTES / rowBytes);
        int firstPair = r.x() / 2;
        int endPair = (r.x() + r.width() + 1) / 2;
        for (int y0 = r.y(); y0 < r.y() + r.height(); y0 += rowsPerBlock) {
            int rows = Math.min(rowsPerBlock, r.y() + r.height() - y0);
            // The block as whole words, from the word holding its first byte.
            long start = y0 * rowBytes;
            long wordStart = start & ~3L;
            long wordEnd = (start + rows * rowBytes + 3) & ~3L;
            byte[] block = in.bytes(ArriRawHeader.DATA_OFFSET + wordStart, wordEnd - wordStart, "ARRIRAW rows " + y0 + "–" + (y0 + rows - 1));
            toStreamOrder(block);
            for (int row = 0; row < rows; row++) {
                int base = (int) (start - wordStart + row * rowBytes);
                int outRow = (y0 + row - r.y()) * r.width() - r.x();
                for (int pair = firstPair; pair < endPair; pair++) {
                    int i = base + pair * 3;
                    int b1 = block[i + 1] & 0xFF;
                    int left = ((b1 & 0x0F) << 8) | (block[i + 2] & 0xFF); // the second value of a pair is the left photosite
                    int right = ((block[i] & 0xFF) << 4) | (b1 >> 4);
                    int x = pair * 2;
                    if (x >= r.x()) {
                        out[outRow + x] = (char) left;
                    }
                    if (x + 1 < r.x() + r.width()) {
                        out[outRow + x + 1] = (char) right;
                    }
                }
            }
        }
        return out;
    }

    /** Reverses each 4-byte word, so the block reads as one most-significant-bit-first byte stream. */
    private static void toStreamOrder(byte[] block) {
        for (int i = 0; i + 3 < block.length; i += 4) {
            byte a = block[i];
            byte b = block[i + 1];
            block[i] = block[i + 3];
            block[i + 1] = block[i + 2];
            block[i + 2] = b;
            block[i + 3] = a;
        }
    }
}
