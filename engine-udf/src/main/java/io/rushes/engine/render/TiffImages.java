package io.rushes.engine.render;

import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.format.tiff.TiffWriter;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.RgbImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Uncompressed TIFF outputs of the render stages, written aside and renamed into place (a reader never
 * sees half a file, a killed render leaves no partial output): 16-bit greyscale raw CFA values, 16-bit
 * RGB (0–1 scaled to 0–65535, clipped) and 32-bit float RGB (IEEE, SampleFormat 3).
 */
public final class TiffImages {
    private static final int SAMPLE_FORMAT = 339;

    private TiffImages() {
    }

    public static void writeRaw(RawImage raw, Path file, String description) throws IOException {
        ByteBuffer px = ByteBuffer.allocate(raw.data().length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (char v : raw.data()) {
            px.putChar(v);
        }
        TiffWriter w = base(raw.width(), raw.height(), 1, 16, 1, description);
        write(file, w.header(px.capacity()), px.array());
    }

    public static void writeRgb16(RgbImage img, Path file, String description) throws IOException {
        float[] d = img.data();
        ByteBuffer px = ByteBuffer.allocate(d.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : d) {
            px.putChar((char) Math.round(Math.max(0, Math.min(1, v)) * 65535));
        }
        write(file, base(img.width(), img.height(), 3, 16, 2, description).header(px.capacity()), px.array());
    }

    public static void writeRgbFloat(RgbImage img, Path file, String description) throws IOException {
        float[] d = img.data();
        ByteBuffer px = ByteBuffer.allocate(d.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : d) {
            px.putFloat(v);
        }
        TiffWriter w = base(img.width(), img.height(), 3, 32, 2, description).shorts(false, SAMPLE_FORMAT, 3, 3, 3);
        write(file, w.header(px.capacity()), px.array());
    }

    private static TiffWriter base(int width, int height, int samples, int bits, int photometric, String description) {
        int[] bitsPerSample = new int[samples];
        java.util.Arrays.fill(bitsPerSample, bits);
        TiffWriter w = new TiffWriter().longs(false, TiffTags.IMAGE_WIDTH, width).longs(false, TiffTags.IMAGE_LENGTH, height)
                .shorts(false, TiffTags.BITS_PER_SAMPLE, bitsPerSample).shorts(false, TiffTags.COMPRESSION, 1)
                .shorts(false, TiffTags.PHOTOMETRIC, photometric).shorts(false, TiffTags.SAMPLES_PER_PIXEL, samples)
                .longs(false, TiffTags.ROWS_PER_STRIP, height).shorts(false, TiffTags.PLANAR_CONFIGURATION, 1)
                .shorts(false, TiffTags.ORIENTATION, 1).ascii(false, TiffTags.SOFTWARE, "Rushes");
        if (description != null) {
            w.ascii(false, TiffTags.IMAGE_DESCRIPTION, description);
        }
        return w;
    }

    private static void write(Path file, byte[] header, byte[] pixels) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".partial");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(header);
            out.write(pixels);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
