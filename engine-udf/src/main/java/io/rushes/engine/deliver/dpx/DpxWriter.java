package io.rushes.engine.deliver.dpx;

import static io.rushes.engine.deliver.dpx.DpxLayout.*;

import io.rushes.engine.error.Errors;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.ByteSink;
import io.rushes.engine.metadata.SmpteTimecodeBytes;
import io.rushes.engine.metadata.Timecode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;

/**
 * Writes one RGB frame as a SMPTE ST 268 DPX file: a 2048-byte header (file, image, orientation, film and television
 * sections; one image element, descriptor 50 RGB, orientation 0 left-to-right top-to-bottom, no user data) and the
 * pixels right after it. The float image is already in the target encoding with 0..1 spanning the code range: each
 * value is clamped, rounded to the nearest code value and counted when clamped. Stateless; written through the sink,
 * so nothing appears under the final name until the whole frame is.
 */
public final class DpxWriter {
    /** Bits per sample and how samples fill the 32-bit words. */
    public enum Depth {
        /** Filled, method A (packing 1): R, G, B in bits 31–22, 21–12, 11–2 of one word per pixel, 2 zero bits at the LSB end. */
        TEN(10, PACKING_FILLED_A, 1023),
        /** Filled, method A (packing 1): each sample in the top 12 bits of a 16-bit word, 4 zero bits at the LSB end. */
        TWELVE(12, PACKING_FILLED_A, 4095),
        /** 16-bit samples, R G B, packing 0 (lines are not padded: OpenImageIO's libdpx reads and writes them so). */
        SIXTEEN(16, PACKING_PACKED, 65535);

        final int bits;
        final int packing;
        final int maxCode;

        Depth(int bits, int packing, int maxCode) {
            this.bits = bits;
            this.packing = packing;
            this.maxCode = maxCode;
        }

        public int bits() {
            return bits;
        }

        long rowBytes(long width) {
            return this == TEN ? width * 4 : width * 6;
        }
    }

    /** Samples clamped to the code range: below 0 (to code 0) and above 1 (to the top code), of all samples written. */
    public record Clipping(long below, long above, long samples) {
        public long clipped() {
            return below + above;
        }

        /** What was lost, for the user, or null when nothing was. */
        public String warning() {
            if (clipped() == 0) {
                return null;
            }
            return String.format(Locale.ROOT, "%d of %d samples (%.3f %%) were outside the DPX code range and were clamped "
                    + "(%d below 0, %d above 1); an encoding with headroom (ACEScct, a camera log) keeps them", clipped(), samples,
                    100.0 * clipped() / samples, below, above);
        }
    }

    private static final String VERSION_TEXT = "V2.0";
    private static final DateTimeFormatter CREATED_FORMAT = DateTimeFormatter.ofPattern("yyyy:MM:dd:HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Rows encoded per write: about a megabyte at UHD, so the encoded copy of a frame is never held whole. */
    private static final int CHUNK_BYTES = 1 << 20;

    private DpxWriter() {
    }

    /** Writes big-endian ("SDPX"), the byte order ST 268 recommends and most readers expect. */
    public static Clipping write(RgbImage image, Depth depth, DpxMetadata metadata, ByteSink sink) throws IOException {
        return write(image, depth, metadata, ByteOrder.BIG_ENDIAN, sink);
    }

    /** Writes in {@code order}: little-endian files ("XPDS") are valid ST 268, for tools that want them. */
    public static Clipping write(RgbImage image, Depth depth, DpxMetadata metadata, ByteOrder order, ByteSink sink) throws IOException {
        long dataBytes = depth.rowBytes(image.width()) * image.height();
        long fileSize = HEADER_SIZE + dataBytes;
        if (fileSize > 0xFFFFFFFFL) {
            throw Errors.outputTooLarge(sink.name(), "the DPX file size in bytes", fileSize, 0xFFFFFFFFL,
                    "ST 268 counts a file in 32 bits: write a smaller frame or use OpenEXR");
        }
        byte[] header = header(image, depth, metadata, order, fileSize);
        long[] clipped = new long[2];
        sink.write(out -> {
            out.write(header);
            writePixels(image, depth, order, sink.name(), clipped, out);
        });
        return new Clipping(clipped[0], clipped[1], (long) image.width() * image.height() * 3);
    }

    static byte[] header(RgbImage image, Depth depth, DpxMetadata md, ByteOrder order, long fileSize) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_SIZE).order(order);
        Arrays.fill(h.array(), (byte) 0xFF); // ST 268: a numeric field with all bits set is undefined
        for (int[] field : TEXT_FIELDS) {
            Arrays.fill(h.array(), field[0], field[0] + field[1], (byte) 0);
        }
        for (int i = 0; i < MAX_ELEMENTS; i++) {
            int description = ELEMENT + i * ELEMENT_SIZE + DESCRIPTION;
            Arrays.fill(h.array(), description, description + 32, (byte) 0);
        }
        h.putInt(MAGIC, 0x53445058); // "SDPX" in the file's byte order: "XPDS" when little-endian
        h.putInt(IMAGE_OFFSET, HEADER_SIZE);
        text(h, VERSION, 8, VERSION_TEXT);
        h.putInt(FILE_SIZE, (int) fileSize);
        h.putInt(DITTO_KEY, 1); // a new frame, not the same as the previous one
        h.putInt(GENERIC_LENGTH, GENERIC_SIZE);
        h.putInt(INDUSTRY_LENGTH, INDUSTRY_SIZE);
        h.putInt(USER_LENGTH, 0);
        text(h, FILE_NAME, 100, md.fileName());
        if (md.created() != null) {
            text(h, CREATED, 24, CREATED_FORMAT.format(md.created()) + "Z");
        }
        text(h, CREATOR, 100, md.creator());
        text(h, PROJECT, 200, md.project());
        text(h, COPYRIGHT, 200, md.copyright());

        h.putShort(ORIENTATION, (short) 0);
        h.putShort(ELEMENTS, (short) 1);
        h.putInt(PIXELS_PER_LINE, image.width());
        h.putInt(LINES, image.height());
        int e = ELEMENT;
        h.putInt(e + DATA_SIGN, 0);
        h.putInt(e + LOW_DATA, 0);
        h.putInt(e + HIGH_DATA, depth.maxCode);
        h.put(e + DESCRIPTOR, (byte) DESCRIPTOR_RGB);
        h.put(e + TRANSFER, (byte) md.encoding().transfer());
        h.put(e + COLORIMETRIC, (byte) md.encoding().colorimetric());
        h.put(e + BIT_DEPTH, (byte) depth.bits);
        h.putShort(e + PACKING, (short) depth.packing);
        h.putShort(e + ENCODING, (short) 0);
        h.putInt(e + DATA_OFFSET, HEADER_SIZE);
        h.putInt(e + END_OF_LINE_PADDING, 0);
        h.putInt(e + END_OF_IMAGE_PADDING, 0);
        text(h, e + DESCRIPTION, 32, md.encodingName() != null ? md.encodingName() : md.encoding().description());

        h.putInt(X_OFFSET, 0);
        h.putInt(Y_OFFSET, 0);
        h.putInt(X_ORIGINAL_SIZE, image.width());
        h.putInt(Y_ORIGINAL_SIZE, image.height());
        h.putInt(ASPECT_RATIO, 1);
        h.putInt(ASPECT_RATIO + 4, 1);

        if (md.frameRate() != null) {
            h.putFloat(FILM_FRAME_RATE, md.frameRate().floatValue());
            h.putFloat(TV_FRAME_RATE, md.frameRate().floatValue());
        }
        text(h, SLATE, 100, md.clipName());
        if (md.timecode() != null) {
            h.putInt(TIME_CODE, timecodeWord(md.timecode()));
            h.putInt(USER_BITS, 0);
        }
        h.put(INTERLACE, (byte) 0); // progressive frames
        h.put(VIDEO_SIGNAL, (byte) 0); // "undefined": not a television signal
        h.put(TV_PADDING, (byte) 0);
        return h.array();
    }

    /** The SMPTE ST 12-1 BCD digits in one word, hours in the most significant byte (as ST 268 and libdpx store it). */
    static int timecodeWord(Timecode tc) {
        byte[] b = SmpteTimecodeBytes.encode(tc); // frames, seconds, minutes, hours
        return (b[3] & 0xFF) << 24 | (b[2] & 0xFF) << 16 | (b[1] & 0xFF) << 8 | (b[0] & 0xFF);
    }

    private static void text(ByteBuffer h, int offset, int length, String value) {
        if (value == null) {
            return;
        }
        byte[] ascii = value.getBytes(StandardCharsets.US_ASCII); // unmappable characters become '?'
        for (int i = 0; i < Math.min(length, ascii.length); i++) {
            byte b = ascii[i];
            h.put(offset + i, b >= 0x20 && b < 0x7F ? b : (byte) '?');
        }
    }

    private static void writePixels(RgbImage image, Depth depth, ByteOrder order, String name, long[] clipped, OutputStream out)
            throws IOException {
        int width = image.width();
        int rowBytes = (int) depth.rowBytes(width);
        int rowsPerChunk = Math.max(1, CHUNK_BYTES / rowBytes);
        byte[] buf = new byte[rowBytes * Math.min(rowsPerChunk, image.height())];
        boolean big = order == ByteOrder.BIG_ENDIAN;
        float[] d = image.data();
        float max = depth.maxCode;
        for (int y0 = 0; y0 < image.height(); y0 += rowsPerChunk) {
            int rows = Math.min(rowsPerChunk, image.height() - y0);
            int o = 0;
            int end = (y0 + rows) * width * 3;
            for (int i = y0 * width * 3; i < end; i += 3) {
                int r = code(d[i], max, clipped, name, i, width);
                int g = code(d[i + 1], max, clipped, name, i + 1, width);
                int b = code(d[i + 2], max, clipped, name, i + 2, width);
                if (depth == Depth.TEN) {
                    int word = r << 22 | g << 12 | b << 2;
                    if (big) {
                        buf[o] = (byte) (word >>> 24);
                        buf[o + 1] = (byte) (word >>> 16);
                        buf[o + 2] = (byte) (word >>> 8);
                        buf[o + 3] = (byte) word;
                    } else {
                        buf[o] = (byte) word;
                        buf[o + 1] = (byte) (word >>> 8);
                        buf[o + 2] = (byte) (word >>> 16);
                        buf[o + 3] = (byte) (word >>> 24);
                    }
                    o += 4;
                } else if (depth == Depth.TWELVE) {
                    o = put16(buf, o, r << 4, big);
                    o = put16(buf, o, g << 4, big);
                    o = put16(buf, o, b << 4, big);
                } else {
                    o = put16(buf, o, r, big);
                    o = put16(buf, o, g, big);
                    o = put16(buf, o, b, big);
                }
            }
            out.write(buf, 0, o);
        }
    }

    private static int put16(byte[] buf, int o, int v, boolean big) {
        buf[o] = (byte) (big ? v >>> 8 : v);
        buf[o + 1] = (byte) (big ? v : v >>> 8);
        return o + 2;
    }

    /** Clamps to [0, 1], rounds to the nearest code and counts the clamped; a NaN or infinity is refused, not clamped. */
    private static int code(float v, float max, long[] clipped, String name, int index, int width) {
        if (v >= 0 && v <= 1) {
            return (int) (v * (double) max + 0.5); // in double: a float product is off by up to half its ulp (0.002 codes at 16 bits)
        }
        if (Float.isNaN(v) || Float.isInfinite(v)) {
            int pixel = index / 3;
            throw Errors.invalidArgument(String.format(Locale.ROOT, "the frame for %s has %s in channel %d of pixel (%d, %d)", name, v,
                    index % 3, pixel % width, pixel / width), "Find the stage that made it (a division by zero, a log of a negative) and clamp or fix it there");
        }
        if (v < 0) {
            clipped[0]++;
            return 0;
        }
        clipped[1]++;
        return (int) max;
    }
}
