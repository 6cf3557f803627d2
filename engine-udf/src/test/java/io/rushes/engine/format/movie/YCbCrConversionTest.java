package io.rushes.engine.format.movie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rushes.engine.ExternalTool;
import io.rushes.engine.image.RgbImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Y'CbCr to R'G'B' conversion against FFmpeg's own zscale filter (libzimg, float throughout, unclipped) on 10-bit
 * 4:4:4 codes over the whole code range, for each matrix and range. (Debian 12's swscale is no reference here: with
 * accurate_rnd+full_chroma_int it maps limited-range 10-bit white, code 940, to 1019.07 of 1023, scaling luma by
 * 255/219 · 4 rather than 1023/876, and clips; see YCbCrConversion.)
 */
class YCbCrConversionTest {
    private static final int WIDTH = 64;
    private static final int HEIGHT = 16;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"BT709, 709, limited", "BT709, 709, full", "BT601, 470bg, limited", "BT601, 470bg, full", "BT2020_NCL, 2020_ncl, limited",
            "BT2020_NCL, 2020_ncl, full"})
    void tenBit444AgreesWithZscaleWithinOneCodeValue(YCbCrMatrix matrix, String zimgMatrix, String range) throws Exception {
        ExternalTool.require("ffmpeg");
        byte[] codes = new byte[WIDTH * HEIGHT * 3 * 2];
        ByteBuffer words = ByteBuffer.wrap(codes).order(ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(matrix.ordinal() * 2L + range.length());
        for (int i = 0; i < WIDTH * HEIGHT * 3; i++) {
            words.putShort((short) random.nextInt(1024)); // every code, out-of-gamut combinations too
        }
        Path raw = dir.resolve("frame.yuv");
        Files.write(raw, codes);
        byte[] reference = ExternalTool.stdout("ffmpeg", "-v", "error", "-f", "rawvideo", "-pix_fmt", "yuv444p10le", "-s", WIDTH + "x" + HEIGHT,
                "-i", raw.toString(), "-vf", "zscale=matrixin=" + zimgMatrix + ":rangein=" + range + ":range=full,format=gbrpf32le", "-f", "rawvideo", "-");
        RgbImage mine = new YCbCrConversion(matrix, range.equals("full"), 1).toRgb(FfmpegReference.packed("yuv444p10le", WIDTH, HEIGHT, codes), null);
        ByteBuffer floats = ByteBuffer.wrap(reference).order(ByteOrder.LITTLE_ENDIAN);
        int plane = WIDTH * HEIGHT;
        double worst = 0;
        for (int i = 0; i < plane; i++) {
            float g = floats.getFloat(4 * i);
            float b = floats.getFloat(4 * (plane + i));
            float r = floats.getFloat(4 * (2 * plane + i));
            worst = Math.max(worst, Math.max(Math.abs(r - mine.data()[3 * i]), Math.max(Math.abs(g - mine.data()[3 * i + 1]), Math.abs(b - mine.data()[3 * i + 2]))));
        }
        assertEquals(0, worst * 1023, 1.0, "largest difference from zscale, in 10-bit code values");
    }

    @Test
    void limitedAndFullRangeEndpointsAreBlackAndWhite() {
        RgbImage limited = new YCbCrConversion(YCbCrMatrix.BT709, false, 1).toRgb(planes444(new int[] {64, 940, 502}, new int[] {512, 512, 512},
                new int[] {512, 512, 512}), null);
        assertEquals(0, limited.get(0, 0, 1), 0);
        assertEquals(1, limited.get(1, 0, 0), 1e-6);
        assertEquals(1 - 438 / 876.0, limited.get(2, 0, 2), 1e-6);
        RgbImage full = new YCbCrConversion(YCbCrMatrix.BT709, true, 1).toRgb(planes444(new int[] {0, 1023, 1023}, new int[] {512, 512, 1023},
                new int[] {512, 512, 512}), null);
        assertEquals(0, full.get(0, 0, 0), 0);
        assertEquals(1, full.get(1, 0, 1), 1e-6);
        assertEquals(1 + 1.8556 * 511 / 1023.0, full.get(2, 0, 2), 1e-5, "Pb at its full-range top, B' past 1 is kept, not clipped");
    }

    @Test
    void subsampledChromaIsInterpolatedLinearlyBetweenItsSitedSamples() {
        // 4:2:0, 8 bits, 4x4: luma 128 (mid grey in limited range is not needed: only Pr moves R').
        int w = 4;
        int h = 4;
        byte[] raw = new byte[w * h + 2 * (w / 2) * (h / 2)];
        java.util.Arrays.fill(raw, 0, w * h, (byte) 126);
        byte[] cb = {(byte) 128, (byte) 128, (byte) 128, (byte) 128};
        byte[] cr = {(byte) 128, (byte) 240, (byte) 16, (byte) 128}; // rows 0 and 1 of a 2x2 chroma plane
        System.arraycopy(cb, 0, raw, w * h, 4);
        System.arraycopy(cr, 0, raw, w * h + 4, 4);
        Planes planes = FfmpegReference.packed("yuv420p", w, h, raw);
        float lumaOnly = (126 - 16) / 219f;
        float rPerCode = 1.5748f / 224;
        // left (MPEG-2/H.264): co-sited horizontally with x = 0, 2; vertically between rows 0 and 1, 2 and 3.
        RgbImage left = new YCbCrConversion(YCbCrMatrix.BT709, false, 1).toRgb(planes, null);
        assertEquals(lumaOnly, left.get(0, 0, 0), 1e-6, "above the first chroma row: that row");
        assertEquals(lumaOnly + rPerCode * 112 * 0.5f, left.get(1, 0, 0), 1e-6, "x = 1: half-way between 128 and 240");
        assertEquals(lumaOnly + rPerCode * 112, left.get(2, 0, 0), 1e-6, "x = 2: on the second chroma sample");
        assertEquals(lumaOnly + rPerCode * 112, left.get(3, 0, 0), 1e-6, "past the last sample: the last sample");
        assertEquals(lumaOnly + rPerCode * (0.75f * 0 + 0.25f * -112), left.get(0, 1, 0), 1e-6, "row 1: a quarter of the way to chroma row 1");
        assertEquals(lumaOnly + rPerCode * (0.25f * 0 + 0.75f * -112), left.get(0, 2, 0), 1e-6, "row 2: three quarters of the way");
        // center (JPEG): half-way between luma samples both ways.
        RgbImage center = new YCbCrConversion(YCbCrMatrix.BT709, false, 2).toRgb(planes, null);
        assertEquals(lumaOnly + rPerCode * 112 * 0.25f, center.get(1, 0, 0), 1e-6, "x = 1 is a quarter of the way from x = 0.5 to 2.5");
        // top left: co-sited with the first of each pair of rows.
        RgbImage topLeft = new YCbCrConversion(YCbCrMatrix.BT709, false, 3).toRgb(planes, null);
        assertEquals(lumaOnly + rPerCode * -56, topLeft.get(0, 1, 0), 1e-6, "row 1 is half-way between chroma rows 0 and 1");
    }

    private static Planes planes444(int[] y, int[] cb, int[] cr) {
        ByteBuffer b = ByteBuffer.allocate(y.length * 6).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] plane : new int[][] {y, cb, cr}) {
            for (int v : plane) {
                b.putShort((short) v);
            }
        }
        return FfmpegReference.packed("yuv444p10le", y.length, 1, b.array());
    }
}
