package io.rushes.engine.deliver.tiff;

import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.image.RawImage;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.ByteSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Uncompressed TIFF outputs of the render stages, written aside and renamed into place (a reader never
 * sees half a file, a killed render leaves no partial output): 16-bit greyscale raw CFA values, 16-bit
 * RGB (0–1 scaled to 0–65535, clipped) and 32-bit float RGB (IEEE, SampleFormat 3).
 */
public final class TiffImages {
    private static final int SAMPLE_FORMAT = 339;

    private TiffImages() {
    }

    public static void writeRaw(RawImage raw, ByteSink file, String description) throws IOException {
        ByteBuffer px = ByteBuffer.allocate(raw.data().length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (char v : raw.data()) {
            px.putChar(v);
        }
        TiffWriter w = base(raw.width(), raw.height(), 1, 16, 1, description);
        write(file, w.header(px.capacity()), px.array());
    }

    /**
     * Pixels with a value above 1.0, which a 16-bit integer TIFF cannot hold, and the largest such value. Scene-linear
     * ACES has them wherever a highlight is brighter than diffuse white.
     */
    public record Clipping(long pixels, long of, double max) {
        /** What was lost and how to keep it, for the user. */
        public String warning() {
            return String.format(Locale.ROOT, "%d of %d pixels (%.3f %%) were above 1.0 (up to %.4f) and were clipped to 1.0 by the "
                    + "16-bit integer TIFF; keep them with 32-bit float (tiff32f), a log encoding (ACEScct) or a display stage",
                    pixels, of, 100.0 * pixels / of, max);
        }
    }

    /**
     * Writes 0–1 as 0–65535 and returns what was clipped above 1.0, also recorded in the ImageDescription. Warned, not
     * refused: whether anything exceeds 1.0 is known only once the frame is developed, a display stage never does,
     * and an integer TIFF of a scene with a few speculars is still what a reviewer asked for; the warning says how to
     * keep them instead. (Values below 0, out-of-gamut noise, clip to 0 as in any integer encoding.)
     */
    public static Clipping writeRgb16(RgbImage img, ByteSink file, String description) throws IOException {
        float[] d = img.data();
        ByteBuffer px = ByteBuffer.allocate(d.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        long clippedPixels = 0;
        double max = 0;
        for (int i = 0; i < d.length; i += 3) {
            boolean clipped = false;
            for (int c = 0; c < 3; c++) {
                float v = d[i + c];
                if (v > 1) {
                    clipped = true;
                    max = Math.max(max, v);
                }
                px.putChar((char) Math.round(Math.max(0, Math.min(1, v)) * 65535));
            }
            if (clipped) {
                clippedPixels++;
            }
        }
        Clipping clipping = new Clipping(clippedPixels, (long) img.width() * img.height(), max);
        String recorded = clippedPixels == 0 ? description : (description == null ? "" : description + "; ")
                + String.format(Locale.ROOT, "16-bit integer: %d pixels above 1.0 clipped (max %.4f)", clippedPixels, max);
        write(file, base(img.width(), img.height(), 3, 16, 2, recorded).header(px.capacity()), px.array());
        return clipping;
    }

    public static void writeRgbFloat(RgbImage img, ByteSink file, String description) throws IOException {
        float[] d = img.data();
        ByteBuffer px = ByteBuffer.allocate(d.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : d) {
            px.putFloat(v);
        }
        TiffWriter w = base(img.width(), img.height(), 3, 32, 2, description).shorts(false, SAMPLE_FORMAT, 3, 3, 3);
        write(file, w.header(px.capacity()), px.array());
    }

    /** Largest image read back: 2^28 samples (a 9.7K x 9.7K RGB frame). */
    private static final long MAX_SAMPLES = 1L << 28;

    /**
     * Reads an uncompressed, interleaved RGB(A) TIFF of 8- or 16-bit unsigned or 32-bit float samples, in either byte
     * order and any strip layout (alpha, if any, is dropped; integers are scaled to 0–1). Refuses anything else with
     * the reason; every size and offset is checked against the file.
     */
    public static RgbImage readRgb(io.rushes.engine.io.ByteSource source) {
        io.rushes.engine.format.tiff.TiffStructure t = io.rushes.engine.format.tiff.TiffStructure.read(
                io.rushes.engine.io.BinaryReader.open(source), 0);
        io.rushes.engine.format.tiff.TiffIfd ifd = t.ifd0();
        String name = source.name();
        long width = req(ifd, TiffTags.IMAGE_WIDTH, name);
        long height = req(ifd, TiffTags.IMAGE_LENGTH, name);
        long spp = ifd.unsigned(TiffTags.SAMPLES_PER_PIXEL) == null ? 1 : ifd.unsigned(TiffTags.SAMPLES_PER_PIXEL);
        double[] bitsAll = ifd.numbers(TiffTags.BITS_PER_SAMPLE);
        int bits = bitsAll == null ? 1 : (int) bitsAll[0];
        long compression = ifd.unsigned(TiffTags.COMPRESSION) == null ? 1 : ifd.unsigned(TiffTags.COMPRESSION);
        long planar = ifd.unsigned(TiffTags.PLANAR_CONFIGURATION) == null ? 1 : ifd.unsigned(TiffTags.PLANAR_CONFIGURATION);
        long format = ifd.unsigned(SAMPLE_FORMAT) == null ? 1 : ifd.unsigned(SAMPLE_FORMAT);
        if (compression != 1 || planar != 1 || (spp != 3 && spp != 4) || !(bits == 8 || bits == 16 || (bits == 32 && format == 3))
                || (bits != 32 && format != 1)) {
            throw io.rushes.engine.error.Errors.unsupportedFeature(name, 0, "TIFF with compression " + compression + ", " + spp
                    + " samples of " + bits + " bits (format " + format + "), planar " + planar,
                    "Give an uncompressed interleaved RGB TIFF of 8/16-bit integers or 32-bit floats (rushes render writes these)");
        }
        if (width <= 0 || height <= 0 || width * height * 3 > MAX_SAMPLES) {
            throw io.rushes.engine.error.Errors.limitExceeded(name, 0, "the image size in samples", width * height * 3, MAX_SAMPLES);
        }
        double[] offsets = ifd.numbers(TiffTags.STRIP_OFFSETS);
        double[] counts = ifd.numbers(TiffTags.STRIP_BYTE_COUNTS);
        long rowsPerStrip = ifd.unsigned(TiffTags.ROWS_PER_STRIP) == null ? height : Math.min(height, ifd.unsigned(TiffTags.ROWS_PER_STRIP));
        if (offsets == null || counts == null || offsets.length != counts.length || rowsPerStrip <= 0
                || offsets.length != (height + rowsPerStrip - 1) / rowsPerStrip) {
            throw io.rushes.engine.error.Errors.corrupt(name, 0, "the strip tables do not describe " + width + "x" + height + " pixels");
        }
        io.rushes.engine.io.BinaryReader r = t.reader();
        int bytesPerSample = bits / 8;
        long rowBytes = width * spp * bytesPerSample;
        float[] out = new float[(int) (width * height * 3)];
        int o = 0;
        for (int strip = 0; strip < offsets.length; strip++) {
            long rows = Math.min(rowsPerStrip, height - strip * rowsPerStrip);
            long need = rows * rowBytes;
            if (counts[strip] < need) {
                throw io.rushes.engine.error.Errors.corrupt(name, (long) offsets[strip], "strip " + strip + " holds " + (long) counts[strip]
                        + " bytes, " + need + " needed");
            }
            long base = (long) offsets[strip];
            r.require(base, need, "strip " + strip);
            for (long px = 0; px < rows * width; px++) {
                long at = base + px * spp * bytesPerSample;
                for (int c = 0; c < 3; c++) {
                    long p = at + (long) c * bytesPerSample;
                    out[o++] = switch (bits) {
                        case 8 -> r.u8(p) / 255f;
                        case 16 -> r.u16(p) / 65535f;
                        default -> r.f32(p);
                    };
                }
            }
        }
        return new RgbImage((int) width, (int) height, out);
    }

    private static long req(io.rushes.engine.format.tiff.TiffIfd ifd, int tag, String name) {
        Long v = ifd.unsigned(tag);
        if (v == null) {
            throw io.rushes.engine.error.Errors.corrupt(name, 0, "the TIFF has no tag " + tag);
        }
        return v;
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

    private static void write(ByteSink file, byte[] header, byte[] pixels) throws IOException {
        file.write(out -> {
            out.write(header);
            out.write(pixels);
        });
    }
}
