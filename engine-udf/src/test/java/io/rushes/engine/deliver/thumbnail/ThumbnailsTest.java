package io.rushes.engine.deliver.thumbnail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rushes.engine.error.ErrorCode;
import io.rushes.engine.error.RushesException;
import io.rushes.engine.image.RgbImage;
import io.rushes.engine.io.FileByteSink;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailsTest {
    /** A smooth colour gradient with a little seeded noise, in display code values. */
    private static RgbImage gradient(int width, int height, long seed) {
        Random random = new Random(seed);
        float[] px = new float[width * height * 3];
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i += 3) {
                px[i] = (float) x / (width - 1);
                px[i + 1] = (float) y / (height - 1);
                px[i + 2] = 0.5f + 0.01f * (float) random.nextGaussian();
            }
        }
        return new RgbImage(width, height, px);
    }

    @Test
    void fitsTheLongestSideAndNeverScalesUp() {
        RgbImage landscape = Thumbnails.fitWithin(gradient(4000, 3000, 1), 512);
        assertEquals(512, landscape.width());
        assertEquals(384, landscape.height());
        RgbImage portrait = Thumbnails.fitWithin(gradient(1080, 1920, 2), 256);
        assertEquals(144, portrait.width());
        assertEquals(256, portrait.height());
        RgbImage small = gradient(100, 50, 3);
        assertSame(small, Thumbnails.fitWithin(small, 512), "already within: untouched");
        RushesException e = assertThrows(RushesException.class, () -> Thumbnails.fitWithin(small, 0));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals("Cannot go on: a fit of 0 px is not a size. Give the longest side of the thumbnail in pixels, e.g. 512", e.getMessage());
    }

    /** Lanczos weights are normalised: a flat field stays flat at any scale (no darkened border, no ringing). */
    @Test
    void aFlatFieldStaysFlat() {
        float[] px = new float[640 * 360 * 3];
        java.util.Arrays.fill(px, 0.25f);
        RgbImage fitted = Thumbnails.fitWithin(new RgbImage(640, 360, px), 97);
        for (float v : fitted.data()) {
            assertEquals(0.25f, v, 1e-6f);
        }
    }

    @Test
    void pngHoldsTheRoundedCodesExactly(@TempDir Path dir) throws Exception {
        RgbImage img = gradient(257, 31, 4);
        img.data()[0] = -0.2f; // clamped to 0
        img.data()[1] = 1.7f;  // clamped to 255
        img.data()[2] = Float.NaN; // black
        Path png = dir.resolve("poster.png");
        Thumbnails.write(img, Thumbnails.Format.PNG, new FileByteSink(png));
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(257, back.getWidth());
        assertEquals(31, back.getHeight());
        for (int y = 0; y < 31; y++) {
            for (int x = 0; x < 257; x++) {
                int i = (y * 257 + x) * 3;
                int rgb = back.getRGB(x, y);
                assertEquals(Thumbnails.code(img.data()[i]), rgb >> 16 & 0xFF);
                assertEquals(Thumbnails.code(img.data()[i + 1]), rgb >> 8 & 0xFF);
                assertEquals(Thumbnails.code(img.data()[i + 2]), rgb & 0xFF);
            }
        }
        assertEquals(0, Thumbnails.code(-0.2f));
        assertEquals(255, Thumbnails.code(1.7f));
        assertEquals(0, Thumbnails.code(Float.NaN));
        assertEquals(128, Thumbnails.code(0.5f));
    }

    /** Quality 0.9 on a smooth image: on average within 1.5 codes of the source, as a baseline encoder should be. */
    @Test
    void jpegIsCloseToTheSource(@TempDir Path dir) throws Exception {
        RgbImage img = gradient(320, 180, 5);
        Path jpg = dir.resolve("thumb.jpg");
        Thumbnails.write(img, Thumbnails.Format.JPEG, new FileByteSink(jpg));
        BufferedImage back = ImageIO.read(jpg.toFile());
        double error = 0;
        for (int y = 0; y < 180; y++) {
            for (int x = 0; x < 320; x++) {
                int i = (y * 320 + x) * 3;
                int rgb = back.getRGB(x, y);
                error += Math.abs((rgb >> 16 & 0xFF) - Thumbnails.code(img.data()[i]))
                        + Math.abs((rgb >> 8 & 0xFF) - Thumbnails.code(img.data()[i + 1]))
                        + Math.abs((rgb & 0xFF) - Thumbnails.code(img.data()[i + 2]));
            }
        }
        double mean = error / (320 * 180 * 3);
        assertTrue(mean < 1.5, "mean absolute error " + mean + " codes");
    }

    /** An independent reader (OpenImageIO) sees the size, channels and format we meant. */
    @Test
    void openImageIoReadsBoth(@TempDir Path dir) throws Exception {
        for (Thumbnails.Format f : Thumbnails.Format.values()) {
            Path out = dir.resolve("t." + f.extension());
            Thumbnails.write(gradient(64, 48, 6), f, new FileByteSink(out));
            String info = io.rushes.engine.ExternalTool.output("oiiotool", "--info", "-v", out.toString());
            assertTrue(java.util.regex.Pattern.compile(" 64 x +48, 3 channel, uint8 " + (f == Thumbnails.Format.JPEG ? "jpeg" : "png"))
                    .matcher(info).find(), info);
        }
        assertTrue(Files.size(dir.resolve("t.jpg")) > 0);
    }
}
