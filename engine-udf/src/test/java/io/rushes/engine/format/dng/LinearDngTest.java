package io.rushes.engine.format.dng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.ExternalTool;
import io.rushes.engine.deliver.tiff.TiffImages;
import io.rushes.engine.deliver.tiff.TiffWriter;
import io.rushes.engine.develop.DngColor;
import io.rushes.engine.develop.DngDevelop;
import io.rushes.engine.format.tiff.TiffEntry;
import io.rushes.engine.format.tiff.TiffTags;
import io.rushes.engine.image.Demosaic;
import io.rushes.engine.image.Region;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.BinaryReader;
import io.rushes.engine.io.FileByteSink;
import io.rushes.engine.io.FileByteSource;
import io.rushes.engine.render.FrameRenderer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * LinearRaw DNG (demosaicked camera RGB): its samples as dcraw reads them (levels applied, no white balance), and its
 * development to ACES equal to the DNG colour model applied to those samples, with the white-balanced clip point.
 */
class LinearDngTest {
    static final int W = 48;
    static final int H = 24;
    static final int BLACK = 256;
    static final int WHITE = 60000;
    static final double[] NEUTRAL = {0.52, 1.0, 0.71};
    // A real camera's calibration (Canon EOS 5D Mark II, as dcraw's adobe_coeff lists it), standard light A and D65, under a
    // make dcraw does not know: for a known camera dcraw replaces the file's WhiteLevel with its own table's.
    static final double[] CM1 = {0.5309, -0.0229, -0.0336, -0.6241, 1.3265, 0.3337, -0.0817, 0.1215, 0.6664};
    static final double[] CM2 = {0.4716, 0.0603, -0.0830, -0.7798, 1.5474, 0.2480, -0.1496, 0.1937, 0.6651};

    @TempDir
    Path dir;

    static int sample(int x, int y, int c) {
        return BLACK + (int) ((long) (x * 977 + y * 1543 + c * 6007) * 7919 % (WHITE - BLACK));
    }

    static Path write(Path file) throws Exception {
        ByteBuffer px = ByteBuffer.allocate(W * H * 3 * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < 3; c++) {
                    px.putShort((short) sample(x, y, c));
                }
            }
        }
        TiffWriter w = new TiffWriter();
        w.longs(false, TiffTags.NEW_SUBFILE_TYPE, 0).longs(false, TiffTags.IMAGE_WIDTH, W).longs(false, TiffTags.IMAGE_LENGTH, H)
                .shorts(false, TiffTags.BITS_PER_SAMPLE, 16, 16, 16).shorts(false, TiffTags.COMPRESSION, 1)
                .shorts(false, TiffTags.PHOTOMETRIC, 34892).ascii(false, TiffTags.MAKE, "Rushes").ascii(false, TiffTags.MODEL, "Linear Test")
                .shorts(false, TiffTags.ORIENTATION, 1).shorts(false, TiffTags.SAMPLES_PER_PIXEL, 3).longs(false, TiffTags.ROWS_PER_STRIP, H)
                .shorts(false, TiffTags.PLANAR_CONFIGURATION, 1)
                .bytes(false, TiffTags.DNG_VERSION, TiffEntry.BYTE, (byte) 1, (byte) 4, (byte) 0, (byte) 0)
                .ascii(false, TiffTags.UNIQUE_CAMERA_MODEL, "Rushes Linear Test")
                .longs(false, TiffTags.BLACK_LEVEL, BLACK).longs(false, TiffTags.WHITE_LEVEL, WHITE)
                .srationals(false, TiffTags.COLOR_MATRIX_1, 10000, CM1).srationals(false, TiffTags.COLOR_MATRIX_2, 10000, CM2)
                .rationals(false, TiffTags.AS_SHOT_NEUTRAL, 1_000_000, NEUTRAL)
                .shorts(false, TiffTags.CALIBRATION_ILLUMINANT_1, 17).shorts(false, TiffTags.CALIBRATION_ILLUMINANT_2, 21);
        Files.write(file, TiffWriter.concat(w.header(px.capacity()), px.array()));
        return file;
    }

    private static FrameRenderer renderer(FrameRenderer.Stage stage, DngDevelop.Output output) {
        return new FrameRenderer(new FrameRenderer.Options(stage, FrameRenderer.Format.TIFF32F, output, Demosaic.Method.RCD, null));
    }

    private static float[] tiff(Path file) throws Exception {
        try (FileByteSource src = new FileByteSource(file)) {
            return TiffImages.readRgb(src).data();
        }
    }

    /** dcraw -4 -o 0 -r 1 1 1 1 (raw colour, unit multipliers): (v − black) · 65535 / (white − black), as Rushes scales them. */
    @Test
    void theSamplesAreWhatDcrawReads() throws Exception {
        Path dng = write(dir.resolve("linear.dng"));
        try (FileByteSource src = new FileByteSource(dng)) {
            renderer(FrameRenderer.Stage.RGB, DngDevelop.Output.ACES2065_1).render(src, new FileByteSink(dir.resolve("rgb.tif")));
        }
        float[] ours = tiff(dir.resolve("rgb.tif"));
        byte[] ppm = ExternalTool.stdout("dcraw", "-c", "-4", "-o", "0", "-r", "1", "1", "1", "1", "-t", "0", "-M", dng.toString());
        String head = new String(ppm, 0, 20, java.nio.charset.StandardCharsets.US_ASCII);
        assertTrue(head.startsWith("P6\n" + W + " " + H + "\n65535\n"), head);
        int at = ("P6\n" + W + " " + H + "\n65535\n").length();
        double worst = 0;
        for (int i = 0; i < W * H * 3; i++) {
            int dcraw = (ppm[at + 2 * i] & 0xFF) << 8 | (ppm[at + 2 * i + 1] & 0xFF);
            worst = Math.max(worst, Math.abs(ours[i] * 65535 - dcraw));
        }
        assertTrue(worst <= 1, "worst " + worst + " of 65535");
    }

    /** To ACES: each pixel white balanced, clipped at 1, then the DNG colour model's camera → ACES matrix; a region is its rectangle. */
    @Test
    void itDevelopsByTheDngColourModelAndReadsARegion() throws Exception {
        Path dng = write(dir.resolve("linear.dng"));
        DngColor color;
        try (FileByteSource src = new FileByteSource(dng)) {
            color = DngColor.of(DngHeader.read(BinaryReader.open(src)), null);
            renderer(FrameRenderer.Stage.ACES, DngDevelop.Output.ACES2065_1).render(src, new FileByteSink(dir.resolve("aces.tif")));
        }
        float[] aces = tiff(dir.resolve("aces.tif"));
        double[] n = color.cameraNeutral();
        var toAces = DngDevelop.whiteBalancedToAces(color);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double[] px = new double[3];
                for (int c = 0; c < 3; c++) {
                    px[c] = Math.min(1, (sample(x, y, c) - BLACK) / (double) (WHITE - BLACK) / n[c]);
                }
                toAces.applyInPlace(px);
                for (int c = 0; c < 3; c++) {
                    assertEquals(px[c], aces[(y * W + x) * 3 + c], 1e-5, "pixel " + x + "," + y);
                }
            }
        }
        FrameRenderer region = new FrameRenderer(new FrameRenderer.Options(FrameRenderer.Stage.ACES, FrameRenderer.Format.TIFF32F,
                DngDevelop.Output.ACES2065_1, Demosaic.Method.RCD, null, new Region(5, 3, 10, 7)));
        try (FileByteSource src = new FileByteSource(dng)) {
            region.render(src, new FileByteSink(dir.resolve("region.tif")));
        }
        float[] part = tiff(dir.resolve("region.tif"));
        RgbImage whole = new RgbImage(W, H, aces).crop(new Region(5, 3, 10, 7));
        org.junit.jupiter.api.Assertions.assertArrayEquals(whole.data(), part);
    }
}
