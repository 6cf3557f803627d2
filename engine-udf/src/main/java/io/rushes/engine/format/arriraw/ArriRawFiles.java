package io.rushes.engine.format.arriraw;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes synthetic uncompressed ARRIRAW frames from the public header layout ({@link ArriRawHeader}), for the tests and
 * the benchmark: no ARRIRAW frame may be redistributed, so none is in the samples (as {@code card/SampleCard} writes
 * CinemaDNG). The packing is written from its description (12-bit values, most significant bit first, neighbours in
 * swapped order, 32-bit little-endian words), not from the decoder, and dcraw checks both.
 */
public final class ArriRawFiles {
    /** The value of each photosite, 0–4095. */
    @FunctionalInterface
    public interface Photosites {
        int at(int x, int y);
    }

    /** One frame to write; {@code gains} are the camera's white balance (red, green, blue). */
    public record Frame(int width, int height, String model, float[] gains, Photosites photosites) {
    }

    private ArriRawFiles() {
    }

    /** An ALEXA Mini open-gate frame (3424x2202) of uniform pseudo-random 12-bit values. */
    public static Frame alexaMini(long seed) {
        return new Frame(3424, 2202, "ALEXA Mini", new float[] {1.3667f, 1f, 1.645f}, noise(seed));
    }

    /** An ALEXA LF 4.5K open-gate frame (4448x3096) of a gradient with pseudo-random 12-bit noise on it. */
    public static Frame alexaLf(long seed) {
        Photosites noise = noise(seed);
        return new Frame(4448, 3096, "ALEXA LF", new float[] {1.92f, 1f, 1.48f},
                (x, y) -> Math.min(4095, (x * 3000 / 4448 + y * 1000 / 3096 + (noise.at(x, y) & 63)) & 4095));
    }

    /** Uniform 12-bit values from a hash of (x, y, seed): every bit of every value varies. */
    public static Photosites noise(long seed) {
        return (x, y) -> {
            long h = (x * 0x9E3779B97F4A7C15L) ^ (y * 0xC2B2AE3D27D4EB4FL) ^ seed;
            h ^= h >>> 31;
            h *= 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
            return (int) (h & 0xFFF);
        };
    }

    /** The 4096-byte header of {@code f}, stating {@code dataSize} bytes of image data. */
    public static byte[] header(Frame f, long dataSize) {
        ByteBuffer b = ByteBuffer.allocate(ArriRawHeader.DATA_OFFSET).order(ByteOrder.LITTLE_ENDIAN);
        b.put("ARRI".getBytes(StandardCharsets.US_ASCII));
        b.putInt(4, 0x78563412).putInt(8, ArriRawHeader.DATA_OFFSET).putInt(12, 3).putInt(16, 0x3c);
        b.putInt(20, f.width()).putInt(24, f.height()).putInt(72, (int) dataSize);
        b.putFloat(100, f.gains()[0]).putFloat(104, f.gains()[1]).putFloat(108, f.gains()[2]);
        b.put(668, f.model().getBytes(StandardCharsets.US_ASCII));
        b.put(760, "SUP 7.0".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** The whole frame file: header and packed data. */
    public static byte[] bytes(Frame f) {
        long dataBytes = ArriRawFrames.dataBytes(f.width(), f.height());
        byte[] out = new byte[Math.toIntExact(ArriRawHeader.DATA_OFFSET + dataBytes)];
        System.arraycopy(header(f, dataBytes), 0, out, 0, ArriRawHeader.DATA_OFFSET);
        int p = ArriRawHeader.DATA_OFFSET;
        for (int y = 0; y < f.height(); y++) {
            for (int x = 0; x < f.width(); x += 2) {
                int first = f.photosites().at(x + 1, y); // stored first: the right photosite of each pair
                int second = f.photosites().at(x, y);
                out[p++] = (byte) (first >> 4);
                out[p++] = (byte) ((first & 0x0F) << 4 | second >> 8);
                out[p++] = (byte) second;
            }
        }
        // The stream above is most significant byte first; the file holds it as 32-bit little-endian words.
        for (int i = ArriRawHeader.DATA_OFFSET; i + 3 < out.length; i += 4) {
            byte a = out[i];
            byte b = out[i + 1];
            out[i] = out[i + 3];
            out[i + 1] = out[i + 2];
            out[i + 2] = b;
            out[i + 3] = a;
        }
        return out;
    }

    public static Path write(Frame f, Path file) throws IOException {
        return Files.write(file, bytes(f));
    }
}
