package io.rushes.example.plate;

import io.rushes.engine.error.Errors;
import io.rushes.engine.image.ImageLimits;
import io.rushes.engine.io.ByteSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The synthetic "test plate" format: the 8 bytes {@code RUSHESTP}, width and height (unsigned 32-bit little-endian), then
 * width × height interleaved RGB float32 little-endian values in ACEScg. Simple on purpose: the example is about the
 * plug-in's shape (bounded header, checked sizes, errors from the engine's factory), not a codec.
 */
public final class TestPlates {
    static final String MAGIC = "RUSHESTP";
    static final int HEADER_BYTES = 16;

    /** The two header numbers. */
    record Header(int width, int height) {
    }

    private TestPlates() {
    }

    /** Writes a test plate of {@code rgb} (interleaved ACEScg) to {@code file}. */
    public static void write(Path file, int width, int height, float[] rgb) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + rgb.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        for (float v : rgb) {
            b.putFloat(v);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(b.array());
        }
    }

    /** The header, every number checked against the limits and the file's size. */
    static Header header(ByteSource source) {
        byte[] head = read(source, 0, HEADER_BYTES);
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        long width = Integer.toUnsignedLong(b.getInt(8));
        long height = Integer.toUnsignedLong(b.getInt(12));
        if (width < 1 || height < 1) {
            throw Errors.corrupt(source.name(), 8, "the test plate is " + width + "x" + height + " pixels");
        }
        ImageLimits.checkDeclared(source.name(), 8, "the test plate", width, height);
        long need = HEADER_BYTES + width * height * 12;
        long size = size(source);
        if (size < need) {
            throw Errors.truncated(source.name(), HEADER_BYTES, "the " + width + "x" + height + " plate needs " + need + " bytes; the file has " + size);
        }
        return new Header((int) width, (int) height);
    }

    /** Rows {@code y0} to {@code y0 + rows} of the plate, interleaved RGB. */
    static float[] rows(ByteSource source, Header h, int y0, int rows) {
        byte[] bytes = read(source, HEADER_BYTES + (long) y0 * h.width() * 12, rows * h.width() * 12);
        float[] out = new float[rows * h.width() * 3];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private static byte[] read(ByteSource source, long at, int length) {
        byte[] out = new byte[length];
        try {
            int got = 0;
            while (got < length) {
                int n = source.read(at + got, out, got, length - got);
                if (n < 0) {
                    throw Errors.truncated(source.name(), at + got, "the test plate ends after " + (at + got) + " bytes");
                }
                got += n;
            }
        } catch (IOException e) {
            throw Errors.io(source.name(), e);
        }
        return out;
    }

    private static long size(ByteSource source) {
        try {
            return source.size();
        } catch (IOException e) {
            throw Errors.io(source.name(), e);
        }
    }
}
